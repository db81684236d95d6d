using System.Diagnostics;
using System.Text.Json;

namespace Zylisp.Repl.Tests;

/// <summary>
/// npm's nrepl-client (written for Clojure's server) drives ours through a worker process: eval,
/// out, errors, interrupt, completions, sessions and load-file (ThirdParty/nrepl-client-check.js).
/// Skipped, saying why, without node or without the package (.ci/run installs it with npm).
/// </summary>
public sealed class ThirdPartyClientTests
{
    private static readonly string Folder = Path.Combine(FindRepositoryRoot(), "tests", "Zylisp.Repl.Tests", "ThirdParty");

    [NodeClientFact]
    public async Task Npm_nrepl_client_drives_eval_errors_interrupt_completions_sessions_and_load_file()
    {
        await using var server = await TestServer.StartAsync(processes: true);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add(Path.Combine(Folder, "nrepl-client-check.js"));
        start.ArgumentList.Add(server.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync();
        var seen = JsonDocument.Parse(output).RootElement;
        Assert.False(seen.TryGetProperty("failure", out var failure), failure.ToString());
        string[] Strings(string name) => [.. seen.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

        Assert.Contains("load-file", Strings("ops"));
        Assert.Equal(["20", "nil", "42"], Strings("values"));
        Assert.Equal("printed\n", seen.GetProperty("out").GetString());
        Assert.Equal(["eval-error", "done"], Strings("errorStatuses"));
        Assert.Equal(":arithmetic-error", seen.GetProperty("ex").GetString());
        Assert.Contains("ZL5004", seen.GetProperty("err").GetString(), StringComparison.Ordinal);
        Assert.True(seen.GetProperty("isolated").GetBoolean());
        Assert.Equal(["done"], Strings("interruptReply"));
        Assert.Equal(["interrupted", "done"], Strings("interruptedStatuses"));
        Assert.Contains("reduce", Strings("completions"));
        Assert.Equal("49", Strings("loadFileValues")[^1]);
        Assert.Equal(["36"], Strings("afterLoad"));
        Assert.Equal(2, seen.GetProperty("sessions").GetInt32());
        Assert.Contains("session-closed", Strings("closed"));
    }

    internal static string? WhyUnavailable()
    {
        if (!ExistsOnPath("node"))
        {
            return "node is not installed: the third-party client test runs npm's nrepl-client.";
        }

        return Directory.Exists(Path.Combine(Folder, "node_modules", "nrepl-client"))
            ? null
            : $"npm's nrepl-client is not installed: run `npm install --prefix {Path.GetRelativePath(FindRepositoryRoot(), Folder)}` (.ci/run does).";
    }

    private static bool ExistsOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, name)));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Zylisp.slnx")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}

/// <summary>A test that needs node and npm's nrepl-client; skipped with the reason otherwise.</summary>
public sealed class NodeClientFactAttribute : FactAttribute
{
    public NodeClientFactAttribute()
    {
        if (ThirdPartyClientTests.WhyUnavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
