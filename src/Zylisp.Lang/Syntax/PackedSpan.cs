namespace Zylisp.Lang.Syntax;

/// <summary>
/// The fields of a <see cref="SourceSpan"/> without the object around them. Forms read from a
/// file keep their position in this form and build the <see cref="SourceSpan"/> only when asked:
/// a large file has hundreds of thousands of collections, and one extra span object for each
/// was a large share of what the garbage collector had to promote with the tree.
/// </summary>
internal readonly struct PackedSpan(string file, int line, int column, int endLine, int endColumn, int startOffset, int endOffset)
{
    private readonly string file = file;
    private readonly int line = line;
    private readonly int column = column;
    private readonly int endLine = endLine;
    private readonly int endColumn = endColumn;
    private readonly int startOffset = startOffset;
    private readonly int endOffset = endOffset;

    public static PackedSpan From(SourceSpan span) =>
        new(span.File, span.Line, span.Column, span.EndLine, span.EndColumn, span.StartOffset, span.EndOffset);

    public SourceSpan ToSourceSpan() => new(file, line, column, endLine, endColumn, startOffset, endOffset);
}
