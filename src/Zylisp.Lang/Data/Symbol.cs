using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// A symbol: an optional namespace and a name. Symbols are not interned because each occurrence
/// read from source carries its own <see cref="Span"/>; the span is not part of equality.
/// </summary>
public sealed class Symbol : IEquatable<Symbol>, IHasSpan
{
    // The namespace, name and hash, shared by every occurrence the reader reads of the same
    // text, so an occurrence is only this reference and its position (40 bytes, not 56).
    private readonly SymbolName id;

    // Where this occurrence was read, kept inline: a source file holds millions of symbols, and
    // a SourceSpan object for each doubled their count and their cost to the garbage collector.
    private readonly PackedSpan location;

    private Symbol(string? ns, string name, SourceSpan? span)
        : this(new SymbolName(ns, name, HashOf(ns is null ? NoNamespaceHash : NameHash(ns), NameHash(name))), PackedSpan.From(span))
    {
    }

    private Symbol(SymbolName id, PackedSpan location)
    {
        this.id = id;
        this.location = location;
    }

    /// <summary>The part before the '/', or null for an unqualified symbol.</summary>
    public string? Namespace => id.Namespace;

    public string Name => id.Name;

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

    /// <summary>For the reader: an occurrence of an interned name read at <paramref name="location"/>.</summary>
    internal static Symbol Create(SymbolName id, PackedSpan location) => new(id, location);

    /// <summary>For the reader: this symbol read at <paramref name="location"/>.</summary>
    internal Symbol At(PackedSpan location) => new(id, location);

    /// <summary>The hash of a symbol with these parts, as <see cref="GetHashCode"/> returns it.</summary>
    internal static int HashOf(int nsHash, int nameHash) => unchecked((nsHash * 31) + nameHash);

    /// <summary>
    /// FNV-1a over the UTF-8 bytes (<see cref="StableHash"/>): cheap for short names and, unlike
    /// the host's string hashing, the same in every process and on every engine.
    /// </summary>
    internal static int NameHash(ReadOnlySpan<char> name) => StableHash.Utf8(name);

    /// <summary>The namespace part of an unqualified symbol's hash: that of the empty name, as the Go and native runtimes compute it.</summary>
    internal static readonly int NoNamespaceHash = StableHash.Utf8("");

    /// <summary>
    /// Metadata read with the symbol (<c>^:private name</c>), or null. It lives on the shared name
    /// record, so it costs a symbol without metadata nothing; like the span, it is not part of equality.
    /// </summary>
    public PersistentMap? Meta => id.Meta;

    /// <summary>The same symbol, at the same place, carrying <paramref name="meta"/>.</summary>
    public Symbol WithMeta(PersistentMap? meta) => new(new SymbolName(id.Namespace, id.Name, id.Hash) { Meta = meta }, location);

    /// <summary>The same symbol carrying a different source span.</summary>
    public Symbol WithSpan(SourceSpan? span) => new(id, PackedSpan.From(span));

    /// <summary>"ns/name" or "name".</summary>
    public string FullName => Namespace is null ? Name : Namespace + "/" + Name;

    public bool Equals(Symbol? other) =>
        other is not null && (ReferenceEquals(id, other.id) || (id.Hash == other.id.Hash
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal)));

    public override bool Equals(object? obj) => obj is Symbol other && Equals(other);

    public override int GetHashCode() => id.Hash;

    public override string ToString() => FullName;

    public static bool operator ==(Symbol? left, Symbol? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Symbol? left, Symbol? right) => !(left == right);
}

/// <summary>A symbol's identity without its position; the reader shares one per distinct text.</summary>
internal sealed class SymbolName(string? ns, string name, int hash)
{
    public string? Namespace { get; } = ns;

    public string Name { get; } = name;

    public int Hash { get; } = hash;

    public PersistentMap? Meta { get; init; }
}
