using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>`zylisp nrepl` and `zylisp connect` refusals; the server itself is tested in Zylisp.Repl.Tests.</summary>
public class NreplCommandTests
{
    [Theory]
    [InlineData("nrepl")]
    [InlineData("connect")]
    public async Task Has_help(string command)
    {
        var result = await CliProcess.RunAsync([command, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Stdout);
    }

    [Fact]
    public async Task An_engine_that_cannot_host_sessions_is_refused_by_name()
    {
        var native = await CliProcess.RunAsync(["nrepl", "--engine", "native"]);
        Assert.Equal(2, native.ExitCode);
        Assert.Contains("engine 'native' cannot host an nREPL session", native.Stderr);

        var unknown = await CliProcess.RunAsync(["nrepl", "--engine", "cobol"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown engine 'cobol'; engines: interp, il, tiered", unknown.Stderr);
    }

    [Fact]
    public async Task Connect_without_a_port_and_without_a_port_file_says_so()
    {
        var scratch = new ScratchFiles();
        var result = await CliProcess.RunAsync(["connect"], workingDirectory: scratch.Folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".nrepl-port", result.Stderr);
    }

    [Fact]
    public async Task Connect_to_a_malformed_address_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync(["connect", "localhost:port"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("[HOST:]PORT", result.Stderr);
    }
}
