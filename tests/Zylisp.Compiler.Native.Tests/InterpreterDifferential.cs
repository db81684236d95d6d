namespace Zylisp.Compiler.Native.Tests;

/// <summary>The check the runtime-routine tests share: a program prints natively what it prints on the interpreter.</summary>
internal static class InterpreterDifferential
{
    /// <summary>
    /// Builds and runs <paramref name="source"/> natively, with a collection on every allocation
    /// when <paramref name="gcStress"/>, and asserts it prints the interpreter's output and nothing on stderr.
    /// </summary>
    public static void AssertMatches(string source, bool gcStress = false)
    {
        var expected = NativeLibraryTests.Interpreted(source);
        var outcome = gcStress
            ? NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(NativeRunner.Collect(source), new NativeOptions(GcStressInterval: 1)))
            : NativeRunner.CompileAndRun(source);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(expected, outcome.Stdout);
    }
}
