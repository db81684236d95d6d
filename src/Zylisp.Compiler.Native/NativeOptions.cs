namespace Zylisp.Compiler.Native;

/// <summary>Options of one native compilation.</summary>
/// <param name="GcStressInterval">When positive, the program collects garbage on every Nth allocation (1: on every one), so a missing root shows up in tests at once.</param>
/// <param name="TypedFunctions">When true (the default), typed deffuncs whose bodies fit the typed subset run unboxed (docs/design/native-typed.md); false compiles every function boxed, for comparisons.</param>
/// <param name="CacheDirectory">The zylisp cache folder (<see cref="ProgramCollector.DefaultCacheDirectory"/>) the back end may read and fill (the library's analyzed forms, which hold the typed runtime routines), or null for none (<c>--no-cache</c>).</param>
public sealed record NativeOptions(int GcStressInterval = 0, bool TypedFunctions = true, string? CacheDirectory = null)
{
    public static NativeOptions Default { get; } = new();
}
