namespace Zylisp.Compiler.Go.Tests;

/// <summary>(doc name) on the go target: the front end's text printed as a constant; a name computed at run time is refused, located.</summary>
public class DocumentationTests
{
    [Fact]
    public void Doc_of_a_written_name_prints_the_front_ends_text_as_a_constant()
    {
        var result = GoCompiler.CompileSource("(defn sq \"Squares.\" [x] (* x x))\n(doc sq)\n(doc nothing-here)", "test.zl");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains("Squares.", result.MainGo, StringComparison.Ordinal);
        Assert.Contains("no documentation for nothing-here", result.MainGo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(defn g [s]\n  (%print-doc s))")]
    [InlineData("(def f\n  %print-doc)")]
    public void Doc_of_a_computed_name_is_a_located_error_naming_the_go_target(string source)
    {
        var result = GoCompiler.CompileSource(source, "test.zl");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(GoDiagnostics.UnsupportedId, error.Id);
        Assert.Contains("go target", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Span!.Line);
    }
}
