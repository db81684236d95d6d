namespace Zylisp.Zast;

/// <summary>The limits and strictness of reading and building zast text, in one place.</summary>
public sealed record ZastOptions
{
    public static readonly ZastOptions Default = new();

    /// <summary>The deepest list nesting the reader accepts, as the language reader's depth limit: a Go file
    /// within <see cref="MaxGoNestingDepth"/> (each level can take a few lists) stays below it.</summary>
    /// <remarks>The builder recurses per level and also stops, with a diagnostic, when its thread's stack runs
    /// low; <see cref="ZastTool"/> runs on a thread with a stack large enough for any valid tree.</remarks>
    public int MaxDepth { get; init; } = 25_000;

    /// <summary>
    /// The deepest Go nesting <c>zast from-go</c> accepts (go/parser allows 100,000). Printed Go
    /// indents one tab per level, so this also bounds <c>to-go</c>'s output to a few megabytes.
    /// </summary>
    public int MaxGoNestingDepth { get; init; } = 6_000;

    /// <summary>The builder stops after this many errors.</summary>
    public int MaxDiagnostics { get; init; } = 100;

    /// <summary>Whether every field must be written, as the canonical format requires. When false, omitted
    /// fields take their zero value (0, nil, (), false, "") except that required nodes must still be given.</summary>
    public bool RequireAllFields { get; init; } = true;
}
