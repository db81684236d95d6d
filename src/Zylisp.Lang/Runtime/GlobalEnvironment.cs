using NamespaceTable = Zylisp.Lang.Namespaces.NamespaceTable;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// The globals of one engine: every Var by its global name. Namespaces are resolved in the front
/// end (Namespaces/NameResolver.cs): user and core definitions have bare names, any other
/// namespace's are named <c>ns/x</c>. Owned by one engine, never shared.
/// </summary>
public sealed class GlobalEnvironment
{
    private NamespaceTable? namespaces;

    /// <summary>The engine's namespaces, made on first use so a program without any pays nothing.</summary>
    public NamespaceTable Namespaces => namespaces ??= new();

    private System.Runtime.CompilerServices.ConditionalWeakTable<object, Data.PersistentMap>? valueMetadata;

    /// <summary>
    /// The metadata with-meta gave collections and functions, by identity: kept beside the values
    /// (and dropped with them) so collections carry no metadata field they almost never use.
    /// </summary>
    internal System.Runtime.CompilerServices.ConditionalWeakTable<object, Data.PersistentMap> ValueMetadata => valueMetadata ??= new();

    private readonly Dictionary<string, Var> vars = new(StringComparer.Ordinal);
    private long gensymCounter;

    /// <summary>
    /// Host primitives installed on first lookup (the lazy core library). Installing one only
    /// creates builtins; it never reads or runs Zylisp code.
    /// </summary>
    private readonly List<IPendingDefinitions> pendingSources = [];

    /// <summary>Definitions loaded by an explicit step (the prelude): listed for completion and suggestions, never loaded by a lookup.</summary>
    private readonly List<IPendingDefinitions> advertised = [];

    /// <summary>Adds host primitives to install on first lookup; earlier sources are asked first.</summary>
    internal void AddPending(IPendingDefinitions definitions) => pendingSources.Add(definitions);

    /// <summary>Adds definitions whose names count as known before they are loaded.</summary>
    internal void Advertise(IPendingDefinitions definitions) => advertised.Add(definitions);

    /// <summary>The Var named <paramref name="name"/>, creating an unbound one if needed.</summary>
    public Var Intern(string name)
    {
        LoadIfPending(name);
        if (!vars.TryGetValue(name, out var v))
        {
            v = new Var(name);
            vars.Add(name, v);
        }

        return v;
    }

    public Var? Find(string name)
    {
        LoadIfPending(name);
        return vars.TryGetValue(name, out var v) ? v : null;
    }

    private void LoadIfPending(string name)
    {
        foreach (var pending in pendingSources)
        {
            if (pending.Count > 0 && pending.TryLoad(name))
            {
                return;
            }
        }
    }

    /// <summary>Installs every pending host primitive, so that nothing installed later overwrites a user's redefinition.</summary>
    internal void LoadAllPending()
    {
        foreach (var pending in pendingSources)
        {
            pending.LoadAll();
        }
    }

    /// <summary>Defines (or redefines) a global.</summary>
    public Var Define(string name, object? value)
    {
        var v = Intern(name);
        v.Value = value;
        return v;
    }

    /// <summary>Names of every defined global, for completion and "did you mean".</summary>
    public IEnumerable<string> DefinedNames =>
        vars.Values.Where(v => v.IsDefined).Select(v => v.Name)
            .Concat(pendingSources.Concat(advertised).SelectMany(p => p.PendingNames).ToList());

    /// <summary>True when the name is a pending definition of an explicitly loaded source (the prelude).</summary>
    internal bool IsAdvertised(string name)
    {
        foreach (var source in advertised)
        {
            if (source.Count > 0 && source.PendingNames.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<Var> Vars => vars.Values;

    /// <summary>A fresh number for gensym; unique within this engine.</summary>
    public long NextGensymId() => Interlocked.Increment(ref gensymCounter);
}

/// <summary>Global definitions that are loaded when their name is first looked up.</summary>
internal interface IPendingDefinitions
{
    int Count { get; }

    IEnumerable<string> PendingNames { get; }

    /// <summary>Loads the pending definition of <paramref name="name"/>; false when there is none.</summary>
    bool TryLoad(string name);

    void LoadAll();
}

/// <summary>
/// Loads definitions on request: the explicit "require" step of the pipeline (the prelude).
/// <see cref="Require"/> of a name that is not pending does nothing.
/// </summary>
internal interface IDefinitionLoader
{
    void Require(string name);

    void RequireAll();
}
