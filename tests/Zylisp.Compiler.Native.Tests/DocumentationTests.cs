namespace Zylisp.Compiler.Native.Tests;

/// <summary>(doc name) in native programs: the documentation the compiler embeds (NativeDocumentation.cs).</summary>
public sealed class DocumentationTests
{
    [NativeFact]
    public void Doc_prints_what_the_interpreter_prints_for_every_kind_of_name()
    {
        const string source = """
            (defmacro my-mac "A macro." [x] x)
            (def ^{:doc "A value."} v 1)
            (defn square "Squares its argument." [x] (* x x))
            (defn pick "Two arities." ([] 0) ([x] x))
            (doc square) (doc pick) (doc map) (doc if) (doc when) (doc my-mac) (doc identity) (doc v) (doc str/join) (doc no-such-name)
            (defn f [] (doc f))
            (f)
            """;
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);
    }

    [NativeFact]
    public void A_name_computed_at_run_time_is_a_located_compile_time_error()
    {
        var collected = ProgramCollector.Collect("(defn g [s] (%print-doc s))\n(g 'map)", "test.zl", ExitRule.LastValue);
        Assert.Null(collected.Program);
        var error = Assert.Single(collected.Diagnostics, d => d.IsError);
        Assert.Contains("the native engine does not support `doc` of a name computed at run time", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("test.zl:1:", error.ToString(), StringComparison.Ordinal);
    }
}
