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
    public async Task An_unknown_engine_is_refused_by_name()
    {
        var unknown = await CliProcess.RunAsync(["nrepl", "--engine", "cobol"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown engine 'cobol'; engines: interp, il, tiered, native", unknown.Stderr);
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

    /// <summary>
    /// The port file is written as soon as the port takes connections, before the supervision tree
    /// and the worker are up: a client that connects at once is queued, then served.
    /// </summary>
    [Fact]
    public async Task A_client_that_connects_as_soon_as_the_port_file_appears_is_served()
    {
        var scratch = new ScratchFiles();
        var start = new System.Diagnostics.ProcessStartInfo(CliProcess.DotnetPath)
        {
            WorkingDirectory = scratch.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(CliProcess.DllPath);
        start.ArgumentList.Add("nrepl");
        using var server = System.Diagnostics.Process.Start(start)!;
        var portFile = Path.Combine(scratch.Folder, ".nrepl-port");
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? port = null;
            while (string.IsNullOrEmpty(port = File.Exists(portFile) ? File.ReadAllText(portFile).Trim() : null))
            {
                Assert.True(DateTime.UtcNow < deadline, "no .nrepl-port within 60 s");
                await Task.Delay(2);
            }

            await using var client = await Zylisp.Repl.Client.NreplClient.ConnectAsync("127.0.0.1", int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
            var session = await client.CloneAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("3", (await client.EvalAsync(session, "(+ 1 2)").WaitAsync(TimeSpan.FromSeconds(60))).Value);
            Assert.Equal($"nREPL server started on port {port} on host 127.0.0.1 - nrepl://127.0.0.1:{port}", (await server.StandardOutput.ReadLineAsync())?.Trim());
        }
        finally
        {
            server.Kill(entireProcessTree: false);
            await server.WaitForExitAsync();
        }
    }
}
