namespace Zylisp.Compiler.Native.Tests;

/// <summary>An uncaught runtime error prints the interpreter's first line and source excerpt on stderr, and exits 1.</summary>
public sealed class ErrorReportTests
{
    [NativeFact]
    public void An_uncaught_error_shows_the_source_line_with_a_caret_under_the_call()
    {
        var file = Path.Combine(Path.GetTempPath(), "zylisp-native-report-" + Guid.NewGuid().ToString("N") + ".zl");
        File.WriteAllText(file, "(defn f [x]\n  (+ x \"a\"))\n(defn -main [] (f 1))\n");
        try
        {
            var outcome = NativeRunner.CompileAndRun(File.ReadAllText(file), file);
            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal(
                $"{file}:2:3: error: `+` expects a number, got string \"a\" [ZL5003]\n 2 |   (+ x \"a\"))\n   |   ^~~~~~~~~\n",
                outcome.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [NativeTheory]
    [InlineData("(throw (ex-info \"boom\" {}))", "uncaught exception: boom [ZL5007]")]
    [InlineData("(throw (ex-info \"boom\" {:a 1}))", "uncaught exception: boom {:a 1} [ZL5007]")]
    [InlineData("(throw :oops)", "uncaught exception: :oops [ZL5007]")]
    public void An_uncaught_throw_is_worded_as_the_interpreter_words_it(string program, string message)
    {
        var file = Path.Combine(Path.GetTempPath(), "zylisp-native-report-" + Guid.NewGuid().ToString("N") + ".zl");
        File.WriteAllText(file, program + "\n");
        try
        {
            var outcome = NativeRunner.CompileAndRun(program + "\n", file);
            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal($"{file}:1:1: error: {message}", outcome.Stderr.Split('\n')[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [NativeFact]
    public void An_error_raised_in_prelude_code_is_reported_at_the_program_s_call()
    {
        var file = Path.Combine(Path.GetTempPath(), "zylisp-native-report-" + Guid.NewGuid().ToString("N") + ".zl");
        const string program = "(defprotocol P (m [x]))\n(println (m 5))\n";
        File.WriteAllText(file, program);
        try
        {
            var outcome = NativeRunner.CompileAndRun(program, file);
            Assert.Equal(1, outcome.ExitCode);
            Assert.StartsWith($"{file}:2:10: error: uncaught exception: No implementation of method m of protocol user.P", outcome.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
