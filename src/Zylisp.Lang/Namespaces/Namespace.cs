namespace Zylisp.Lang.Namespaces;

/// <summary>
/// One namespace of an engine: the names it maps (its own definitions and what it refers from
/// other namespaces, each to the global it stands for), its aliases, and which of its own
/// definitions are private. Every global keeps one name the backends see (docs/design/namespaces.md):
/// <c>user</c>'s and the core's definitions keep their bare names, any other namespace's are
/// named <c>ns/name</c>.
/// </summary>
public sealed class Namespace
{
    public const string User = "user";

    private readonly Dictionary<string, string> mappings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> own = new(StringComparer.Ordinal);
    private readonly HashSet<string> privates = new(StringComparer.Ordinal);

    internal Namespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>True for <c>user</c>, whose definitions share the core's bare names as before namespaces existed.</summary>
    public bool IsUser => Name == User;

    /// <summary>The global name a definition of <paramref name="name"/> in this namespace has.</summary>
    public string GlobalNameOf(string name) => IsUser ? name : Name + "/" + name;

    /// <summary>The global an unqualified name stands for here (own definition or referred), if mapped.</summary>
    public bool TryMapping(string name, out string global) => mappings.TryGetValue(name, out global!);

    public bool TryAlias(string alias, out string ns) => aliases.TryGetValue(alias, out ns!);

    public bool Defines(string name) => own.Contains(name);

    public bool IsPrivate(string name) => privates.Contains(name);

    /// <summary>The names defined here and not private, for <c>:refer :all</c>.</summary>
    public IEnumerable<string> PublicNames => own.Where(n => !privates.Contains(n)).Order(StringComparer.Ordinal);

    internal void Define(string name, bool isPrivate)
    {
        own.Add(name);
        mappings[name] = GlobalNameOf(name);
        if (isPrivate)
        {
            privates.Add(name);
        }
        else
        {
            privates.Remove(name);
        }
    }

    internal void Refer(string name, string global) => mappings[name] = global;

    internal void AddAlias(string alias, string ns) => aliases[alias] = ns;

    public override string ToString() => Name;
}
