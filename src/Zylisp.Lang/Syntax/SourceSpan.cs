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
    public int Length => EndOffset - StartOffset;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
