using System.Runtime.InteropServices;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// The <c>./zylisp</c> launcher's up-to-date check, done by the command it started. The script
/// passes its own path in <c>ZYLISP_LAUNCHER</c> and execs this process at once; the command
/// runs the check (<see cref="CheckoutInputs"/>, ~1,000 stat calls) first thing, before it reads
/// standard input or runs any user code: on the calling thread it costs less CPU than on a thread
/// of its own and no more wall time (docs/design/cli-startup.md, "The check leaves its thread").
/// The native build host, which has a compile to overlap it with, still runs it on a thread. When a source changed, the process execs the script again with
/// <c>ZYLISP_LAUNCHER_REBUILD=1</c>, which publishes and starts the new build with the same
/// arguments: the user sees what the old order (check, then start) gave, minus the wait
/// (docs/design/cli-startup.md, "The check moves into the CLI").
/// </summary>
internal sealed partial class LauncherCheck
{
    public const string LauncherVariable = "ZYLISP_LAUNCHER";

    public const string RebuildVariable = "ZYLISP_LAUNCHER_REBUILD";

    private readonly string launcher;
    private readonly string manifest;
    private readonly string stamp;
    private readonly Thread? worker;
    private CheckoutState state = CheckoutState.Stale;

    private LauncherCheck(string launcher, string manifest, string stamp, bool onThread)
    {
        this.launcher = launcher;
        this.manifest = manifest;
        this.stamp = stamp;
        if (onThread)
        {
            worker = new Thread(Run) { IsBackground = true, Name = "launcher check" };
            worker.Start();
        }
        else
        {
            Run();
        }
    }

    /// <summary>The CLI's check, done now, when the launcher started this process; null otherwise (a dotnet tool, a test, a worker).</summary>
    public static LauncherCheck? FromEnvironment() => Start(CheckoutInputs.Manifest, CheckoutInputs.Stamp, onThread: false);

    /// <summary>
    /// Starts the check of the publish that recorded its inputs in <paramref name="manifest"/> and
    /// <paramref name="stamp"/> (paths under the checkout): the CLI's, or the native build host's
    /// (src/Zylisp.Cli.NativeBuild, which compiles this file in). On a thread of its own unless
    /// <paramref name="onThread"/> is false.
    /// </summary>
    public static LauncherCheck? Start(string manifest, string stamp, bool onThread = true)
    {
        var launcher = Environment.GetEnvironmentVariable(LauncherVariable);
        if (string.IsNullOrEmpty(launcher) || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return null;
        }

        // Child processes (REPL workers, `zylisp build` running go) are not the launcher's to check.
        Environment.SetEnvironmentVariable(LauncherVariable, null);
        return new LauncherCheck(launcher, manifest, stamp, onThread);
    }

    /// <summary>The ./zylisp script that started this process.</summary>
    public string Launcher => launcher;

    /// <summary>Waits for the answer: true when no recorded input changed since the publish.</summary>
    public bool IsCurrent()
    {
        worker?.Join();
        return state != CheckoutState.Stale;
    }

    /// <summary>
    /// Returns when the build is current; <paramref name="error"/> is asked for only to report a
    /// failed exec (touching Console.Error costs a start ~2 ms); when it is not, replaces this process with the launcher
    /// (which rebuilds), so it returns only if that exec failed, after saying so.
    /// </summary>
    public void EnsureCurrent(IReadOnlyList<string> args, Func<TextWriter> error)
    {
        if (IsCurrent())
        {
            return;
        }

        var errno = Relaunch(args, RebuildVariable + "=1");
        error().WriteLine($"zylisp: sources changed since the last build, but rerunning {launcher} to rebuild failed (errno {errno}); running the old build");
    }

    private void Run()
    {
        var root = Path.GetDirectoryName(launcher) ?? ".";
        try
        {
            state = CheckoutInputs.Compare(root, manifest, stamp);
            if (state == CheckoutState.FreshAfterBuildOutput)
            {
                // Only bin/ or obj/ appeared: move the stamp so later starts skip the listing.
                File.SetLastWriteTimeUtc(Path.Combine(root, stamp), DateTime.UtcNow);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only .build/ cannot take the new stamp; the answer stands.
        }
    }

    /// <summary>execve("/bin/sh", [sh, launcher, args…]) with <paramref name="assignment"/> (NAME=VALUE) added to the environment; returns errno if it fails.</summary>
    public unsafe int Relaunch(IReadOnlyList<string> args, string assignment)
    {
        var argv = new List<string>(args.Count + 2) { "/bin/sh", launcher };
        argv.AddRange(args);
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment.Add($"{entry.Key}={entry.Value}");
        }

        environment.Add(assignment);
        var strings = new List<nint>();
        try
        {
            var argvPointers = stackalloc nint[argv.Count + 1];
            var environmentPointers = new nint[environment.Count + 1];
            for (var i = 0; i < argv.Count; i++)
            {
                argvPointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
                strings.Add(argvPointers[i]);
            }

            argvPointers[argv.Count] = 0;
            for (var i = 0; i < environment.Count; i++)
            {
                environmentPointers[i] = Marshal.StringToCoTaskMemUTF8(environment[i]);
                strings.Add(environmentPointers[i]);
            }

            fixed (nint* environmentBlock = environmentPointers)
            {
                execve((byte*)argvPointers[0], argvPointers, environmentBlock);
            }

            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            foreach (var pointer in strings)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int execve(byte* path, nint* argv, nint* environment);
}
