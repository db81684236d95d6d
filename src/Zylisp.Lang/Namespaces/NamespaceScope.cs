using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Namespaces;

/// <summary>
/// Where one pipeline is: the namespace its forms are read in (what <c>ns</c> and <c>in-ns</c>
/// switch, what <c>*ns*</c> names) and the source roots <c>require</c> searches. The prelude's
/// pipeline has its own scope and stays in <c>user</c>, so a prelude definition loaded while a
/// program is in another namespace still defines the core name.
/// </summary>
internal sealed class NamespaceScope(GlobalEnvironment globals)
{
    public GlobalEnvironment Globals { get; } = globals;

    public NamespaceTable Table => Globals.Namespaces;

    private Namespace? current;

    public Namespace Current
    {
        get => current ?? Table.User;
        set => current = value;
    }

    /// <summary>Qualified names the target resolves itself (<see cref="EngineOptions.ForeignQualifiedNames"/>).</summary>
    public Func<string, string, bool>? ForeignNames { get; init; }

    /// <summary>The engine or target, for errors about what it cannot run.</summary>
    public string EngineName { get; init; } = "interp";

    /// <summary>Source roots inferred from loaded files (a file's path and its ns name), searched before the configured ones.</summary>
    public List<string> InferredRoots { get; } = [];
}
