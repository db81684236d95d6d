namespace Zylisp.Lang.Syntax;

/// <summary>The reader's limits, all in one place.</summary>
public sealed record ReaderOptions
{
    public static ReaderOptions Default { get; } = new();

    /// <summary>
    /// Deepest allowed nesting of collections and reader macros. Deeper input is reported as
    /// ZL1010 and the too-deep form is dropped, so later passes never see data that could
    /// overflow their stacks.
    /// </summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>After this many errors the reader reports ZL1015 and stops reading the file.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Longest text, in characters, the reader reads; longer text is one ZL1017 error and no forms.</summary>
    public int MaxSourceLength { get; init; } = 64 * 1024 * 1024;
}
