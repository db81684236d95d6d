namespace Zylisp.Zast.Parsing;

/// <summary>Limits for <see cref="GoParser"/>, checked in one place (the parser's nesting counter).</summary>
public sealed record GoParserOptions
{
    public static readonly GoParserOptions Default = new();

    /// <summary>
    /// The deepest syntactic nesting accepted before parsing stops with "exceeded max nesting
    /// depth" (go/parser's limit is 100,000). The parser also stops, with the same error, when
    /// the thread's stack runs low, so deep input never overflows the stack.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 100_000;

    /// <summary>
    /// Report every error instead of stopping after ten and dropping further errors on the same
    /// line (go/parser's <c>AllErrors</c> mode).
    /// </summary>
    public bool AllErrors { get; init; }
}
