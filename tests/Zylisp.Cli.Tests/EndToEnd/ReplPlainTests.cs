using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>The REPL with piped input: no prompts, no escape sequences, just values.</summary>
public class ReplPlainTests
{
    private static Task<CliResult> Repl(string input) => CliProcess.RunAsync(["repl"], stdin: input);

    [Fact]
    public async Task Piped_input_prints_just_the_value()
    {
        var result = await Repl("(+ 1 2)\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("3\n", result.Stdout);
    }

    [Fact]
    public async Task A_form_may_span_lines()
    {
        var result = await Repl("(+ 1\n   2)\n[1\n 2]\n");

        Assert.Equal("3\n[1 2]\n", result.Stdout);
    }

    [Fact]
    public async Task An_error_is_reported_and_the_session_continues()
    {
        var result = await Repl("(undefined-function 1)\n(+ 1 1)\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2\n", result.Stdout);
        Assert.StartsWith("<repl>:1:", result.Stderr);
        Assert.DoesNotContain("\u001b[", result.Stderr);
    }

    [Theory]
    [InlineData("repl")]
    [InlineData("repl --local")]
    public async Task Lines_are_numbered_across_entries_and_an_error_quotes_the_entry_that_defined_the_code(string command)
    {
        var result = await CliProcess.RunAsync(command.Split(' '), stdin: "(defn f [x]\n  (+ x \"a\"))\n(f 1)\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("<repl>:2:3: error: `+` expects a number", result.Stderr);
        Assert.Contains(" 2 |   (+ x \"a\"))\n", result.Stderr);
        Assert.Contains("at <top-level> (<repl>:3:1)", result.Stderr);
    }

    /// <summary>
    /// The local REPL evaluates on a large-stack thread of its own instead of the engine's: recursion
    /// near the documented depth limit (10,000 calls) still works there, recursion past it is the
    /// stack-overflow error, and the session goes on.
    /// </summary>
    [Theory]
    [InlineData("tiered")]
    [InlineData("il")]
    public async Task The_local_repl_evaluates_deep_recursion_and_reports_overflow_as_an_error(string engine)
    {
        var result = await CliProcess.RunAsync(
            ["repl", "--local", "--engine", engine],
            stdin: "(defn depth [n] (if (= n 0) 0 (inc (depth (dec n)))))\n(depth 9000)\n(depth 100000000)\n(+ 1 2)\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("#<fn depth>\n9000\n3\n", result.Stdout);
        Assert.Contains("ZL5005", result.Stderr);
    }

    [Fact]
    public async Task Star_1_2_3_hold_the_last_values_and_star_e_the_last_error()
    {
        var result = await Repl("(+ 1 1)\n(* *1 10)\n(+ *1 *2)\n[*1 *2 *3]\n(/ 1 0)\n(nil? *e)\n");

        Assert.Equal("2\n20\n22\n[22 20 2]\nfalse\n", result.Stdout);
    }

    [Fact]
    public async Task Doc_describes_a_name()
    {
        var result = await Repl("(defn documented \"Adds one to x.\" [x] (+ x 1))\n(doc documented)\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Adds one to x.", result.Stdout);
    }

    [Fact]
    public async Task Unfinished_input_at_the_end_is_reported_as_a_read_error()
    {
        var result = await Repl("(+ 1 2)\n(+ 3\n");

        Assert.Equal("3\n", result.Stdout);
        Assert.Matches(@"<repl>:2:\d+: error: ", result.Stderr);
    }
}
