using System.Globalization;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// A region of a source file. Lines and columns are 1-based; columns count UTF-16 code units.
/// The end position is exclusive: it is the position just after the last character, so an
/// empty span (used for "missing" things such as an absent closer) has End == Start.
/// Offsets are 0-based indexes into the file's text, end exclusive.
/// </summary>
public sealed record SourceSpan(
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    int StartOffset,
    int EndOffset)
{
    /// <summary>A span for values that did not come from source text (built by the host).</summary>
    public static SourceSpan None { get; } = new("<unknown>", 0, 0, 0, 0, 0, 0);

    public int Length => EndOffset - StartOffset;

    /// <summary>The span starting where this one starts and ending where <paramref name="other"/> ends.</summary>
    public SourceSpan Through(SourceSpan other) =>
        this with { EndLine = other.EndLine, EndColumn = other.EndColumn, EndOffset = other.EndOffset };

    /// <summary>An empty span at this span's start, for "here" markers.</summary>
    public SourceSpan StartPoint() =>
        this with { EndLine = Line, EndColumn = Column, EndOffset = StartOffset };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
