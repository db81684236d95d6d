namespace Zylisp.Compiler.Native.Tests;

/// <summary>Whole programs compiled to ELF executables and run as processes.</summary>
public sealed class ExecutableTests
{
    [NativeTheory]
    [InlineData("(+ 2 (* 3 4))", 14)]
    [InlineData("42", 42)]
    [InlineData("(+ 1 2 3 4)", 10)]
    [InlineData("(- 10 4 3)", 3)]
    [InlineData("(/ 20 2 5)", 2)]
    [InlineData("(if (> 5 3) 42 0)", 42)]
    [InlineData("(let [x 5] (+ x 3))", 8)]
    [InlineData("(* (+ 1 2) (- 8 3))", 15)]
    [InlineData("(count \"hello\")", 5)]
    [InlineData("(count (str \"hello\" \" \" \"world\"))", 11)]
    public void An_expression_exits_with_its_value(string expression, int expected)
    {
        var outcome = NativeRunner.CompileAndRun(expression, "<expr>", ExitRule.LastValue);
        Assert.Equal(expected, outcome.ExitCode);
    }

    [NativeFact]
    public void Functions_call_each_other_and_main_sets_the_status()
    {
        var outcome = NativeRunner.CompileAndRun(
            "(defn add [x y] (+ x y)) (defn multiply [x y] (* x y)) (defn compute [a b c] (add (multiply a b) c)) (defn -main [] (compute 3 4 5))");
        Assert.Equal(17, outcome.ExitCode);
    }

    [NativeFact]
    public void Printing_matches_the_interpreter()
    {
        var outcome = NativeRunner.CompileAndRun(
            "(println \"hi\" 1 -25 nil true [1 \"a\" :k]) (prn \"q\\\"\" '(1 2) []) (println (str \"x=\" 1 nil :k))");
        Assert.Equal("hi 1 -25 nil true [1 a :k]\n\"q\\\"\" (1 2) []\nx=1:k\n", outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void An_uncaught_error_prints_the_interpreter_shape_and_exits_1()
    {
        var outcome = NativeRunner.CompileAndRun("(defn f [x] (+ x \"a\"))\n(defn -main [] (f 1))", "e.zl");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("e.zl:1:13: error: `+` expects a number, got string \"a\" [ZL5003]\n", outcome.Stderr);
    }

    [NativeFact]
    public void Deep_recursion_is_the_stack_overflow_error_not_a_crash()
    {
        var outcome = NativeRunner.CompileAndRun("(defn f [x] (+ 1 (f x)))\n(defn -main [] (f 1))", "so.zl");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("stack overflow in `f`", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("[ZL5005]", outcome.Stderr, StringComparison.Ordinal);
    }
}
