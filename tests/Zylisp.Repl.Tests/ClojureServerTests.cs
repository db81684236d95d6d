using System.Diagnostics;
using Zylisp.Repl.Client;

namespace Zylisp.Repl.Tests;

/// <summary>
/// `zylisp connect` and its client against Clojure's own nREPL server (Debian's clojure and
/// libnrepl-clojure). Skipped, saying why, where they are not installed (.ci/run installs them).
/// </summary>
public sealed class ClojureServerTests
{
    internal static readonly string[] Jars = ["clojure.jar", "nrepl.jar", "spec.alpha.jar", "core.specs.alpha.jar"];

    [ClojureFact]
    public async Task The_client_and_zylisp_connect_work_against_clojures_nrepl_server()
    {
        var directory = Directory.CreateTempSubdirectory("clojure-nrepl-").FullName;
        var start = new ProcessStartInfo("java") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-cp", string.Join(':', Jars.Select(j => "/usr/share/java/" + j)), "clojure.main", "-m", "nrepl.cmdline" })
        {
            start.ArgumentList.Add(argument);
        }

        using var java = Process.Start(start)!;
        try
        {
            var portFile = Path.Combine(directory, ".nrepl-port");
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
            {
                Assert.True(DateTime.UtcNow < deadline && !java.HasExited, "Clojure's nREPL server did not start");
                await Task.Delay(100);
            }

            var port = int.Parse(await File.ReadAllTextAsync(portFile), System.Globalization.CultureInfo.InvariantCulture);
            await using (var client = await NreplClient.ConnectAsync("127.0.0.1", port))
            {
                var session = await client.CloneAsync();
                Assert.Equal("3", (await client.EvalAsync(session, "(+ 1 2)")).Value);
                var error = await client.EvalAsync(session, "(/ 1 0)");
                Assert.True(error.IsError);
            }

            // The terminal client in plain mode, as a pipe would drive it; no port: it reads .nrepl-port.
            var connect = new ProcessStartInfo(TestServer.DotnetHost()) { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            connect.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zylisp.dll"));
            connect.ArgumentList.Add("connect");
            using var zylisp = Process.Start(connect)!;
            await zylisp.StandardInput.WriteAsync("(def x 5)\n(println \"hi\")\n(* x x)\n");
            zylisp.StandardInput.Close();
            var output = await zylisp.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await zylisp.WaitForExitAsync();
            Assert.Equal(0, zylisp.ExitCode);
            Assert.Equal(["#'user/x", "hi", "nil", "25"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            java.Kill(entireProcessTree: true);
            await java.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>A test that needs java with Debian's clojure and libnrepl-clojure jars.</summary>
public sealed class ClojureFactAttribute : FactAttribute
{
    public ClojureFactAttribute()
    {
        var missing = ClojureServerTests.Jars.Where(j => !File.Exists("/usr/share/java/" + j)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Clojure's nREPL server is not installed (missing /usr/share/java/{string.Join(", ", missing)}): apt-get install clojure libnrepl-clojure (.ci/run does).";
        }
    }
}
