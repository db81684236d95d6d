using System.Diagnostics;
using System.Text;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs a program the way a user does: the real <c>zylisp run FILE ARGS…</c> command as a
/// separate process (the zylisp.dll this test project's build placed beside it).
/// </summary>
public sealed class CliEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);

    public string Name => "zylisp-run";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "compiler" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zylisp.dll"));
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RunawayGuard))
        {
            process.Kill(entireProcessTree: true);
            return new ProgramOutcome(stdout.Result, -1, "timed out after " + RunawayGuard + "\n" + stderr.Result);
        }

        return new ProgramOutcome(stdout.Result, process.ExitCode, stderr.Result);
    }
}
