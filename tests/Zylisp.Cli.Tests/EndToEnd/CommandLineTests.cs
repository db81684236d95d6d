using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

public class CommandLineTests
{
    [Theory]
    [InlineData]
    [InlineData("repl")]
    [InlineData("run")]
    [InlineData("eval")]
    [InlineData("expand")]
    [InlineData("zast")]
    [InlineData("zast", "from-go")]
    [InlineData("zast", "to-go")]
    [InlineData("zast", "validate")]
    [InlineData("zast", "fmt")]
    [InlineData("version")]
    public async Task Every_command_has_help(params string[] command)
    {
        var result = await CliProcess.RunAsync([.. command, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Stdout);
        Assert.Contains("zylisp", result.Stdout);
    }

    [Fact]
    public async Task Version_names_the_version_the_commit_and_the_runtime()
    {
        var result = await CliProcess.RunAsync("version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^zylisp \d+\.\d+\.\d+\S* \(commit ([0-9a-f]{7,}|unknown)\)\n\.NET \d+", result.Stdout);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("eval")]
    [InlineData("expand", "-e")]
    [InlineData("version", "extra")]
    public async Task Usage_errors_exit_2_with_a_hint(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--help", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task An_unknown_word_that_is_not_a_file_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("frobnicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("frobnicate", result.Stderr);
    }
}
