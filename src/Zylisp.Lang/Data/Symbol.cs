using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// A symbol: an optional namespace and a name. Symbols are not interned because each occurrence
/// read from source carries its own <see cref="Span"/>; the span is not part of equality.
/// </summary>
public sealed class Symbol : IEquatable<Symbol>, IHasSpan
{
    private readonly int hash;

    // Where this occurrence was read. A reader symbol never crosses a line, so its span is kept
    // inline as (file, offset, line, column, length) and only becomes a SourceSpan object when
    // asked for: a source file holds millions of symbols, and a separate span object for each
    // doubled their count and their cost to the garbage collector. Any other span is stored as is.
    // Holds null (no span), the SourceSpan, or the file name of the inline span.
    private readonly object? location;
    private readonly int startOffset;
    private readonly int line;
    private readonly int column;
    private readonly int length;

    private Symbol(string? ns, string name, SourceSpan? span)
        : this(ns, name, ns is null ? 0 : NameHash(ns), NameHash(name), span)
    {
    }

    private Symbol(Symbol source, SourceSpan? span)
        : this(source.Namespace, source.Name, source.hash, span)
    {
    }

    private Symbol(string? ns, string name, int nsHash, int nameHash, SourceSpan? span)
        : this(ns, name, unchecked((nsHash * 31) + nameHash), span)
    {
    }

    private Symbol(string? ns, string name, int hash, SourceSpan? span)
    {
        Namespace = ns;
        Name = name;
        this.hash = hash;
        if (span is null)
        {
            return;
        }

        if (span.EndLine == span.Line && span.EndColumn - span.Column == span.EndOffset - span.StartOffset && span.EndOffset >= span.StartOffset)
        {
            location = span.File;
            startOffset = span.StartOffset;
            line = span.Line;
            column = span.Column;
            length = span.EndOffset - span.StartOffset;
        }
        else
        {
            location = span;
        }
    }

    private Symbol(string? ns, string name, int hash, string file, int startOffset, int line, int column, int length)
    {
        Namespace = ns;
        Name = name;
        this.hash = hash;
        location = file;
        this.startOffset = startOffset;
        this.line = line;
        this.column = column;
        this.length = length;
    }

    /// <summary>The part before the '/', or null for an unqualified symbol.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>Where this occurrence was read, or null for symbols built at run time.</summary>
    public SourceSpan? Span => location switch
    {
        string file => new SourceSpan(file, line, column, line, column + length, startOffset, startOffset + length),
        SourceSpan span => span,
        _ => null,
    };

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
    internal static Symbol Create(string? ns, int nsHash, string name, int nameHash, SourceSpan? span) =>
        new(ns, name, nsHash, nameHash, span);

    /// <summary>
    /// For the reader: a symbol read on one line at <paramref name="startOffset"/>, without
    /// building a <see cref="SourceSpan"/> object.
    /// </summary>
    internal static Symbol Create(string? ns, int nsHash, string name, int nameHash, string file, int startOffset, int line, int column, int length) =>
        new(ns, name, unchecked((nsHash * 31) + nameHash), file, startOffset, line, column, length);

    /// <summary>For the reader: this symbol at a one-line position, as <see cref="Create(string?, int, string, int, string, int, int, int, int)"/>.</summary>
    internal Symbol At(string file, int startOffset, int line, int column, int length) =>
        new(Namespace, Name, hash, file, startOffset, line, column, length);

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
    public Symbol WithSpan(SourceSpan? span) => new(this, span);

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
