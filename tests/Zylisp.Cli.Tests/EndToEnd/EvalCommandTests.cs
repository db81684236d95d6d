using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

public class EvalCommandTests
{
    [Fact]
    public async Task Eval_prints_the_value_of_the_last_form()
    {
        var result = await CliProcess.RunAsync("eval", "(def x 20) (+ x 22)");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("42\n", result.Stdout);
    }

    [Fact]
    public async Task Values_are_printed_readably_after_the_programs_own_output()
    {
        var result = await CliProcess.RunAsync("eval", "(println \"side effect\") \"a \\\"string\\\"\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("side effect\n\"a \\\"string\\\"\"\n", result.Stdout);
    }

    [Fact]
    public async Task Several_arguments_are_one_program()
    {
        var result = await CliProcess.RunAsync("eval", "(def y 2)", "(* y 21)");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("42\n", result.Stdout);
    }

    [Fact]
    public async Task An_error_exits_1_and_prints_nothing_on_standard_output()
    {
        var result = await CliProcess.RunAsync("eval", "(+ 1 (undefined-thing))");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("<eval>:1:", result.Stderr);
    }

    [Fact]
    public async Task A_read_error_is_reported_with_its_location()
    {
        var result = await CliProcess.RunAsync("eval", "(+ 1 2");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"^<eval>:1:\d+: error: ", result.Stderr);
    }
}
