namespace Zylisp.Lang.Diagnostics;

/// <summary>The pipeline stage that reported a diagnostic; id ranges follow it (ZL1xxx = Read, ...).</summary>
public enum Phase
{
    Read,
    Expand,
    Analyze,
    Emit,
    Run,
}
