namespace Zylisp.Lang.Namespaces;

/// <summary>The namespaces of one engine by name; <c>user</c> always exists. Owned by the engine's globals, never shared.</summary>
public sealed class NamespaceTable
{
    private readonly Dictionary<string, Namespace> namespaces = new(StringComparer.Ordinal);

    internal NamespaceTable() => User = FindOrCreate(Namespace.User);

    public Namespace User { get; }

    public Namespace? Find(string name) => namespaces.TryGetValue(name, out var ns) ? ns : null;

    /// <summary>The namespace named <paramref name="name"/>, created (referring the core, as every namespace does) if new.</summary>
    internal Namespace FindOrCreate(string name)
    {
        if (!namespaces.TryGetValue(name, out var ns))
        {
            ns = new Namespace(name);
            namespaces.Add(name, ns);
        }

        return ns;
    }

    public IEnumerable<string> Names => namespaces.Keys.Order(StringComparer.Ordinal);
}
