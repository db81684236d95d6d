using Zylisp.Zast.Diagnostics;

namespace Zylisp.Zast.Building;

/// <summary>What building produced: the tree when there were no errors (else null), and every diagnostic.</summary>
public sealed record BuildResult<T>(T? Value, IReadOnlyList<ZastDiagnostic> Diagnostics) where T : class
{
    public bool Success => Value is not null && Diagnostics.All(d => d.Severity != ZastSeverity.Error);
}
