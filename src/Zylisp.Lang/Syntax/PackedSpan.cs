namespace Zylisp.Lang.Syntax;

/// <summary>
/// A form's source position without a <see cref="SourceSpan"/> object: a read form keeps its
/// two offsets and the <see cref="LineMap"/> of its text (16 bytes inside the form), and builds
/// the <see cref="SourceSpan"/> only when asked. A large file has millions of forms, and one span
/// object for each was a large share of what the garbage collector had to promote with the tree.
/// Spans given by other code are kept as they are. The default value means "no span".
/// </summary>
internal readonly struct PackedSpan
{
    private readonly object? location; // null, a LineMap, or a SourceSpan kept as given
    private readonly int startOffset;
    private readonly int endOffset;

    public PackedSpan(LineMap lines, int startOffset, int endOffset)
    {
        location = lines;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }

    private PackedSpan(SourceSpan span)
    {
        location = span;
    }

    public bool IsNone => location is null;

    public static PackedSpan From(SourceSpan? span) => span is null ? default : new PackedSpan(span);

    public SourceSpan? ToSourceSpan() => location switch
    {
        LineMap lines => lines.Span(startOffset, endOffset),
        SourceSpan span => span,
        _ => null,
    };
}
