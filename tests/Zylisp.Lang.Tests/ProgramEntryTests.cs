using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>Running a program: load the file, call -main, exit status.</summary>
public class ProgramEntryTests
{
    private readonly LangTestHost host = new();

    [Fact]
    public void Slisp_seed_example_exits_with_mains_result()
    {
        var result = host.Engine.RunSource("(defn add [x y] (+ x y)) (defn -main [] (add 3 4))", "add.slisp", []);
        Assert.True(result.Success);
        Assert.Equal(7, result.ExitCode);
    }

    [Fact]
    public void Slisp_seed_multi_function_example()
    {
        var result = host.Engine.RunSource("(defn add [x y] (+ x y))\n(defn multiply [x y] (* x y))\n(defn -main [] (+ (add 3 4) (multiply 2 5)))", "test.slisp", []);
        Assert.Equal(17, result.ExitCode);
    }

    [Fact]
    public void Main_receives_the_arguments_as_strings()
    {
        var result = host.Engine.RunSource("(defn -main [& args] (println args *command-line-args*) (count args))", "p.zl", ["a", "bc"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("(a bc) (a bc)\n", host.Out.ToString());
    }

    [Fact]
    public void A_main_without_parameters_still_runs_with_arguments()
    {
        Assert.Equal(5, host.Engine.RunSource("(defn -main [] 5)", "p.zl", ["x"]).ExitCode);
    }

    [Fact]
    public void Non_integer_result_or_no_main_exits_zero()
    {
        Assert.Equal(0, host.Engine.RunSource("(defn -main [] \"done\")", "p.zl", []).ExitCode);
        Assert.Equal(0, host.Engine.RunSource("(println 1)", "q.zl", []).ExitCode);
    }

    [Fact]
    public void Errors_exit_one_and_are_diagnostics()
    {
        var result = host.Engine.RunSource("(defn -main [] (/ 1 0))", "p.zl", []);
        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.DivideByZero);
        var read = host.Engine.RunSource("(defn -main [] ", "r.zl", []);
        Assert.Equal(1, read.ExitCode);
    }

    [Fact]
    public void Undefined_globals_are_warned_about_before_main_runs()
    {
        var result = host.Engine.RunSource("(defn helper [] (missing))\n(defn -main [] (println \"main\") 0)", "w.zl", []);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.UndefinedGlobalWarning && d.Span!.Line == 1);
        Assert.Contains("missing", host.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_diagnostic_not_an_exception()
    {
        var result = host.Engine.RunFile("/nonexistent/dir/x.zl", []);
        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.Diagnostics);
    }

    /// <summary>Coordinator issue "SLisp boolean exit codes": the seed's compiled `(> 5 3)` exits 1.</summary>
    [Theory]
    [InlineData("(defn -main [] (> 5 3))", "p.slisp", 1)]
    [InlineData("(defn -main [] (< 5 3))", "p.slisp", 0)]
    [InlineData("(dialect :slisp) (defn -main [] (= 1 1))", "p.zl", 1)]
    [InlineData("(defn -main [] (> 5 3))", "p.zl", 0)]
    [InlineData("(dialect :slisp) (dialect :zylisp) (defn -main [] true)", "p.zl", 0)]
    [InlineData("(defn -main [] \"1\")", "p.slisp", 0)]
    public void Slisp_boolean_exit_codes_are_c_like_only_in_slisp(string source, string file, int exitCode)
    {
        var result = host.Engine.RunSource(source, file, []);
        Assert.True(result.Success);
        Assert.Equal(exitCode, result.ExitCode);
    }
}
