namespace Zylisp.Zast;

/// <summary>The limits and strictness of reading and building zast text, in one place.</summary>
public sealed record ZastOptions
{
    public static readonly ZastOptions Default = new();

    /// <summary>The deepest list nesting the reader and builder accept; deeper input is a diagnostic, not a stack overflow.</summary>
    public int MaxDepth { get; init; } = 10_000;

    /// <summary>The builder stops after this many errors.</summary>
    public int MaxDiagnostics { get; init; } = 100;

    /// <summary>Whether every field must be written, as the canonical format requires. When false, omitted
    /// fields take their zero value (0, nil, (), false, "") except that required nodes must still be given.</summary>
    public bool RequireAllFields { get; init; } = true;
}
