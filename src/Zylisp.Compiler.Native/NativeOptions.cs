namespace Zylisp.Compiler.Native;

/// <summary>Options of one native compilation.</summary>
/// <param name="GcStressInterval">When positive, the program collects garbage on every Nth allocation (1: on every one), so a missing root shows up in tests at once.</param>
public sealed record NativeOptions(int GcStressInterval = 0)
{
    public static NativeOptions Default { get; } = new();
}
