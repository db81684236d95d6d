using System.Diagnostics;

namespace Zylisp.Compiler.Go;

/// <summary>The Go toolchain on PATH: finding it, and running `go build` on a generated module.</summary>
public static class GoToolchain
{
    /// <summary>
    /// The path of the go command, or null when it is not installed: <c>$ZYLISP_GO</c> when set
    /// (a particular toolchain; a path that does not exist means none), else go on PATH.
    /// </summary>
    public static string? GoPath { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ZYLISP_GO") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? Path.GetFullPath(chosen) : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "go");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return File.Exists("/usr/lib/go/bin/go") ? "/usr/lib/go/bin/go" : null;
    }

    /// <summary>Runs go with the arguments in a directory; returns the exit code and the combined output.</summary>
    public static (int ExitCode, string Output) Run(string directory, params string[] arguments)
    {
        var info = StartInfo(GoPath ?? throw new InvalidOperationException("go is not installed"), directory, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;

        // stdout drains on a thread of its own with plain blocking reads: the async pipe readers
        // compiled some thirty methods at run time.
        using var process = Process.Start(info)!;
        string stdout = "";
        var drain = new Thread(() => stdout = process.StandardOutput.ReadToEnd()) { IsBackground = true };
        drain.Start();
        var stderr = process.StandardError.ReadToEnd();
        drain.Join();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr);
    }

    /// <summary>
    /// Runs go with its output going to <paramref name="logFile"/>, through /bin/sh's redirection,
    /// and returns the exit code and the log. No pipe to this process: reading one brings in .NET's
    /// socket engine and its event-source telemetry, a tenth of the compile-overhead budget. The
    /// shell is started with posix_spawn (<see cref="ChildProcess"/>), not Process, when it can be.
    /// </summary>
    public static (int ExitCode, string Output) RunLogged(string directory, string logFile, params string[] arguments)
    {
        const string shell = "/bin/sh";
        var go = GoPath ?? throw new InvalidOperationException("go is not installed");
        if (!File.Exists(shell))
        {
            return Run(directory, arguments);
        }

        // sh -c SCRIPT go DIR LOG CACHE ARGS…: no quoting of anything needed. The variables are
        // StartInfo's: module mode without network access, and a build cache when there is no HOME.
        const string script = "cd \"$1\" || exit 1; log=$2; cache=$3; shift 3; if [ -n \"$cache\" ]; then export GOCACHE=\"$cache\"; fi; " +
            "GOFLAGS=-mod=mod GOPROXY=off exec \"$0\" \"$@\" >\"$log\" 2>&1";
        string[] shellArguments = ["-c", script, go, directory, logFile, FallbackCache() ?? "", .. arguments];
        if (ChildProcess.TryRun(shell, shellArguments) is not { } exitCode)
        {
            var info = StartInfo(shell, directory, shellArguments);
            using var process = Process.Start(info)!;
            process.WaitForExit();
            exitCode = process.ExitCode;
        }

        var log = File.Exists(logFile) ? File.ReadAllText(logFile) : "";
        return (exitCode, log);
    }

    /// <summary>A build cache folder for go when neither HOME nor GOCACHE says where Go's own is; else null.</summary>
    private static string? FallbackCache() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE"))
            ? Path.Combine(Path.GetTempPath(), "zylisp-go-cache")
            : null;

    private static ProcessStartInfo StartInfo(string program, string directory, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        // Module mode without network access: the generated module needs nothing but the standard library.
        info.Environment["GOFLAGS"] = "-mod=mod";
        info.Environment["GOPROXY"] = "off";
        if (FallbackCache() is { } cache)
        {
            info.Environment["GOCACHE"] = cache;
        }

        return info;
    }

    /// <summary>
    /// The flags of every go build of a generated module. -trimpath keeps source directories out of
    /// the build, so the runtime package, identical in every module, comes from Go's build cache
    /// instead of being compiled again. <c>-l=4</c> on the runtime package counts a call as cost 1
    /// instead of 57 in Go's inlining budget of 80: the arithmetic fast paths (<c>rt.Add2</c>,
    /// <c>rt.SubInt</c>: a type assertion, the operation, a box from a table, and a call for
    /// everything else) then inline into generated code, which made untyped fib(38) 1.35x faster.
    /// It changes inlining decisions only (docs/design/go-backend.md); a module built without it
    /// behaves the same.
    /// </summary>
    public static readonly string[] BuildFlags = ["-trimpath", "-gcflags=" + GoModule.RuntimeImportPath + "=-l=4"];

    /// <summary>Builds the module in <paramref name="moduleDir"/> into <paramref name="output"/>; go's messages go to <paramref name="logFile"/>.</summary>
    public static (int ExitCode, string Output) Build(string moduleDir, string output, string logFile) =>
        RunLogged(moduleDir, logFile, ["build", .. BuildFlags, "-o", Path.GetFullPath(output), "."]);
}
