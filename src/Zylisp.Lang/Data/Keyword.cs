namespace Zylisp.Lang.Data;

/// <summary>
/// A keyword such as <c>:k</c> or <c>:ns/k</c>. Keywords are interned, so equal keywords are the
/// same object and reference equality is value equality.
/// </summary>
public sealed class Keyword
{
    // Process-wide interning is safe: keywords are immutable constants, not compiler state.
    // Plain dictionaries under a lock, one per namespace: a ConcurrentDictionary keyed by a value
    // tuple is a generic instantiation that is JIT-compiled (~20 methods) at every start.
    private static readonly Dictionary<string, Keyword> Unqualified = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, Dictionary<string, Keyword>> Qualified = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    private readonly int hash;

    private Keyword(string? ns, string name)
    {
        Namespace = ns;
        Name = name;
        hash = StableHash.Keyword(ns, name);
    }

    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>"ns/name" or "name", without the leading colon.</summary>
    public string FullName => Namespace is null ? Name : Namespace + "/" + Name;

    /// <summary>
    /// The keyword with this text (without the colon); "a/b" has namespace "a" and name "b",
    /// as with <see cref="Symbol.Of(string)"/>.
    /// </summary>
    public static Keyword Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < text.Length - 1 ? Of(text[..slash], text[(slash + 1)..]) : Of(null, text);
    }

    public static Keyword Of(string? ns, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (Gate)
        {
            Dictionary<string, Keyword>? names;
            if (ns is null)
            {
                names = Unqualified;
            }
            else if (!Qualified.TryGetValue(ns, out names))
            {
                names = new Dictionary<string, Keyword>(StringComparer.Ordinal);
                Qualified.Add(ns, names);
            }

            if (!names.TryGetValue(name, out var keyword))
            {
                keyword = new Keyword(ns, name);
                names.Add(name, keyword);
            }

            return keyword;
        }
    }

    public override string ToString() => ":" + FullName;

    /// <summary>Interned, so equality stays reference equality; the hash is the stable one every engine computes.</summary>
    public override int GetHashCode() => hash;
}
