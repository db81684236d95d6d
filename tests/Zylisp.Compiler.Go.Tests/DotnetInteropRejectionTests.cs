namespace Zylisp.Compiler.Go.Tests;

/// <summary>The go target rejects .NET interop at compile time, naming the target, at the Zylisp call (issue 13).</summary>
public class DotnetInteropRejectionTests
{
    [Theory]
    [InlineData("\n(.ToUpper \"x\")")]
    [InlineData("\n(System.Math/Sqrt 2.0)")]
    [InlineData("\n(System.Text.StringBuilder.)")]
    [InlineData("\n(import '[System.Text StringBuilder])")]
    public void Dotnet_interop_is_a_compile_error_naming_the_go_target(string source)
    {
        var result = GoCompiler.CompileSource(source, "test.zl");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(GoDiagnostics.UnsupportedId, error.Id);
        Assert.Contains("go target", error.Message, StringComparison.Ordinal);
        Assert.Contains(".NET interop", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Span!.Line);
    }

    [Fact]
    public void Records_compile_to_the_go_runtime_record()
    {
        var result = GoCompiler.CompileSource("(defrecord P [x]) (prn (->P 1))", "test.zl");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains("rt.MakeRecord(", result.MainGo, StringComparison.Ordinal);
    }
}
