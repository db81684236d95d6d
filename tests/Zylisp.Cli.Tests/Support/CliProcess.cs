using System.Diagnostics;
using System.Text;

namespace Zylisp.Cli.Tests.Support;

/// <summary>What one run of the <c>zylisp</c> process produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the CLI as a separate process, the way a user does: <c>dotnet zylisp.dll ARGS</c>. The dll is
/// the one the test build placed beside this assembly (the test project references the CLI), so
/// the CLI is built once per test run.
/// </summary>
public static class CliProcess
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "zylisp.dll");

    /// <summary>The dotnet host that runs this test process, so the CLI uses the same runtime.</summary>
    public static string DotnetPath { get; } = FindDotnet();

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static async Task<CliResult> RunAsync(
        IEnumerable<string> args,
        string? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(DotnetPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Isolate(start.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"zylisp {string.Join(' ', args)} did not finish in {timeout ?? DefaultTimeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    /// <summary>
    /// Every run gets a throw-away HOME (no history leaks between tests or into the user's) and no
    /// colour or terminal settings inherited from whoever runs the tests.
    /// </summary>
    public static void Isolate(IDictionary<string, string?> environment)
    {
        environment["HOME"] = TempHome.Shared;
        environment.Remove("NO_COLOR");
        // A test run started from ./zylisp must not hand its up-to-date check to every CLI it runs.
        environment.Remove("ZYLISP_LAUNCHER");
        environment.Remove("ZYLISP_LAUNCHER_REBUILD");
        environment["TERM"] = "dumb";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
    }

    private static string FindDotnet()
    {
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return host;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }
}
