namespace Zylisp.Lang.Diagnostics;

/// <summary>The pipeline stage that reported a diagnostic; id ranges follow it (ZL1xxx = Read, ...).</summary>
public enum Phase
{
    Read,
    Expand,
    Analyze,
    Emit,
    Run,

    /// <summary>`zylisp lint`'s findings about style and likely mistakes (ZL6xxx); the program still runs.</summary>
    Lint,
}
