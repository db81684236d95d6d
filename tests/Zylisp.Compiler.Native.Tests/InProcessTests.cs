namespace Zylisp.Compiler.Native.Tests;

/// <summary><c>--engine native</c>: the same code run from mmap'd pages inside the test process.</summary>
public sealed class InProcessTests
{
    private static NativeProgram Program(string source, ExitRule exit = ExitRule.LastValue)
    {
        var collected = ProgramCollector.Collect(source, "<expr>", exit);
        Assert.NotNull(collected.Program);
        return collected.Program!;
    }

    [NativeFact]
    public void An_expression_returns_its_value_as_the_status() =>
        Assert.Equal(14, NativeCompiler.RunInProcess(Program("(+ 2 (* 3 4))"), []));

    [NativeFact]
    public void Main_gets_the_arguments_as_strings() =>
        Assert.Equal(5, NativeCompiler.RunInProcess(Program("(defn -main [a b] (+ (count a) (count b)))", ExitRule.CallMain), ["ab", "cde"]));

    [NativeFact]
    public void Deep_recursion_returns_the_error_status_instead_of_crashing_the_host() =>
        Assert.Equal(1, NativeCompiler.RunInProcess(Program("(defn f [x] (+ 1 (f x))) (f 1)"), []));

    [NativeFact]
    public void Runs_twice_in_one_process() =>
        Assert.Equal(
            [120, 120],
            new[] { 0, 1 }.Select(_ => NativeCompiler.RunInProcess(Program("(defn fact [n] (if (< n 2) 1 (* n (fact (- n 1))))) (fact 5)"), [])));
}

/// <summary><c>--emit asm</c>: Iced's disassembly with Zylisp names as labels.</summary>
public sealed class AsmListingTests
{
    [Fact]
    public void The_listing_labels_functions_and_runtime_routines()
    {
        var collected = ProgramCollector.Collect("(defn square [x] (* x x)) (square 7)", "<expr>", ExitRule.LastValue);
        var listing = NativeCompiler.Disassemble(collected.Program!);
        Assert.Contains("\nsquare:\n", listing, StringComparison.Ordinal);
        Assert.Contains("\nzl_main:\n", listing, StringComparison.Ordinal);
        Assert.Contains("rt:*", listing, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_routines_the_program_never_reaches_are_left_out()
    {
        var collected = ProgramCollector.Collect("(defn -main [] (println \"hi\"))", "<expr>", ExitRule.CallMain);
        var listing = NativeCompiler.Disassemble(collected.Program!);
        Assert.Contains("\nrt:println:\n", listing, StringComparison.Ordinal);
        Assert.Contains("\nrt:gc-collect:\n", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("\nrt:assoc:\n", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("\nrt:subs:\n", listing, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_construct_is_a_compile_error_naming_the_engine()
    {
        var collected = ProgramCollector.Collect("(prn (System.Math/Sqrt 2.0))", "<expr>", ExitRule.LastValue);
        var error = Assert.Throws<NativeCompileException>(() => NativeCompiler.BuildExecutable(collected.Program!));
        Assert.False(string.IsNullOrEmpty(error.Construct));
        Assert.Contains("the native engine does not support", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_insensitive_non_ascii_pattern_compiles_now_that_the_library_has_the_case_equivalence()
    {
        var collected = ProgramCollector.Collect("(prn #\"(?i)\\x{e9}+\")", "<expr>", ExitRule.LastValue);
        Assert.NotNull(NativeCompiler.BuildExecutable(collected.Program!));
    }

    [Fact]
    public void Dotnet_interop_is_a_compile_error_naming_the_engine()
    {
        var collected = ProgramCollector.Collect("(.ToUpper \"x\")", "<expr>", ExitRule.LastValue);
        var error = Assert.Throws<NativeCompileException>(() => NativeCompiler.BuildExecutable(collected.Program!));
        Assert.Contains("the native engine does not support .NET interop (`%dotnet-call`)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_that_needs_the_compiler_at_run_time_is_a_compile_error_naming_the_target()
    {
        var collected = ProgramCollector.Collect("(eval '(+ 1 2))", "<expr>", ExitRule.LastValue);
        Assert.Null(collected.Program);
        Assert.Contains(collected.Diagnostics, d => d.IsError && d.Message.Contains("eval", StringComparison.Ordinal) && d.Message.Contains("native", StringComparison.Ordinal));
    }
}
