namespace Zylisp.Compiler.Native.Tests;

/// <summary>A test that runs a native executable; skipped, saying why, off Linux x86-64.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (NativeRunner.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that runs native executables; skipped, saying why, off Linux x86-64.</summary>
public sealed class NativeTheoryAttribute : TheoryAttribute
{
    public NativeTheoryAttribute()
    {
        if (NativeRunner.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
