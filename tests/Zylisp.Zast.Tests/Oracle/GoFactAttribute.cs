namespace Zylisp.Zast.Tests.Oracle;

/// <summary>A fact that needs the Go toolchain; skipped, saying so, when <c>go</c> is not on PATH.</summary>
public sealed class GoFactAttribute : FactAttribute
{
    public GoFactAttribute()
    {
        if (GoOracle.UnavailableReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs the Go toolchain; skipped, saying so, when <c>go</c> is not on PATH.</summary>
public sealed class GoTheoryAttribute : TheoryAttribute
{
    public GoTheoryAttribute()
    {
        if (GoOracle.UnavailableReason is { } reason) Skip = reason;
    }
}
