using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// A symbol: an optional namespace and a name. Symbols are not interned because each occurrence
/// read from source carries its own <see cref="Span"/>; the span is not part of equality.
/// </summary>
public sealed class Symbol : IEquatable<Symbol>, IHasSpan
{
    private readonly int hash;

    // Where this occurrence was read, kept inline: a source file holds millions of symbols, and
    // a SourceSpan object for each doubled their count and their cost to the garbage collector.
    private readonly PackedSpan location;

    private Symbol(string? ns, string name, SourceSpan? span)
        : this(ns, name, ns is null ? 0 : NameHash(ns), NameHash(name), PackedSpan.From(span))
    {
    }

    private Symbol(string? ns, string name, int nsHash, int nameHash, PackedSpan location)
        : this(ns, name, unchecked((nsHash * 31) + nameHash), location)
    {
    }

    private Symbol(string? ns, string name, int hash, PackedSpan location)
    {
        Namespace = ns;
        Name = name;
        this.hash = hash;
        this.location = location;
    }

    /// <summary>The part before the '/', or null for an unqualified symbol.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>Where this occurrence was read, or null for symbols built at run time.</summary>
    public SourceSpan? Span => location.ToSourceSpan();

    /// <summary>
    /// A symbol from its printed text: "a/b" has namespace "a" and name "b"; "/" and names without
    /// a '/' (or with it only in first or last position) are unqualified.
    /// </summary>
    public static Symbol Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < text.Length - 1
            ? new Symbol(text[..slash], text[(slash + 1)..], null)
            : new Symbol(null, text, null);
    }

    public static Symbol Of(string? ns, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new Symbol(ns, name, null);
    }

    /// <summary>For the reader, which already knows the hashes of the names it interned.</summary>
    internal static Symbol Create(string? ns, int nsHash, string name, int nameHash, PackedSpan location) =>
        new(ns, name, nsHash, nameHash, location);

    /// <summary>For the reader: this symbol read at <paramref name="location"/>.</summary>
    internal Symbol At(PackedSpan location) => new(Namespace, Name, hash, location);

    /// <summary>
    /// FNV-1a over the UTF-16 code units: cheap for short names and, unlike string hashing, the
    /// same in every process, so symbol hashes (and anything ordered by them) are reproducible.
    /// </summary>
    internal static int NameHash(ReadOnlySpan<char> name)
    {
        uint h = 2166136261;
        foreach (char c in name)
        {
            h = unchecked((h ^ c) * 16777619);
        }

        return (int)h;
    }

    /// <summary>The same symbol carrying a different source span.</summary>
    public Symbol WithSpan(SourceSpan? span) => new(Namespace, Name, hash, PackedSpan.From(span));

    /// <summary>"ns/name" or "name".</summary>
    public string FullName => Namespace is null ? Name : Namespace + "/" + Name;

    public bool Equals(Symbol? other) =>
        other is not null && hash == other.hash && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Symbol other && Equals(other);

    public override int GetHashCode() => hash;

    public override string ToString() => FullName;

    public static bool operator ==(Symbol? left, Symbol? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Symbol? left, Symbol? right) => !(left == right);
}
