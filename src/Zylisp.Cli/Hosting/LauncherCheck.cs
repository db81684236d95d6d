using System.Runtime.InteropServices;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// The <c>./zylisp</c> launcher's up-to-date check, done by the command it started. The script
/// passes its own path in <c>ZYLISP_LAUNCHER</c> and execs this process at once; the command
/// compares the sources with the inputs of the last publish (<see cref="CheckoutInputs"/>, ~600
/// stat calls) first thing, before it reads standard input or runs any user code. When a source
/// changed, the process execs the script again with <c>ZYLISP_LAUNCHER_REBUILD=1</c>, which
/// publishes and starts the new build with the same arguments. The check used to run on a thread
/// of its own beside the start-up; on the calling thread it costs less CPU and no more wall time
/// (docs/design/cli-startup.md, "The check leaves its thread").
/// </summary>
internal sealed partial class LauncherCheck
{
    public const string LauncherVariable = "ZYLISP_LAUNCHER";

    public const string RebuildVariable = "ZYLISP_LAUNCHER_REBUILD";

    private readonly string launcher;

    private LauncherCheck(string launcher) => this.launcher = launcher;

    /// <summary>The check when the launcher started this process; null otherwise (a dotnet tool, a test, a worker).</summary>
    public static LauncherCheck? FromEnvironment()
    {
        var launcher = Environment.GetEnvironmentVariable(LauncherVariable);
        if (string.IsNullOrEmpty(launcher) || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return null;
        }

        // Child processes (REPL workers, `zylisp build` running go) are not the launcher's to check.
        Environment.SetEnvironmentVariable(LauncherVariable, null);
        return new LauncherCheck(launcher);
    }

    /// <summary>
    /// Returns when the build is current; <paramref name="error"/> is asked for only to report a
    /// failed exec (touching Console.Error costs a start ~2 ms); when it is not, replaces this process with the launcher
    /// (which rebuilds), so it returns only if that exec failed, after saying so.
    /// </summary>
    public void EnsureCurrent(IReadOnlyList<string> args, Func<TextWriter> error)
    {
        if (Compare() != CheckoutState.Stale)
        {
            return;
        }

        var errno = Relaunch(args);
        error().WriteLine($"zylisp: sources changed since the last build, but rerunning {launcher} to rebuild failed (errno {errno}); running the old build");
    }

    private CheckoutState Compare()
    {
        var root = Path.GetDirectoryName(launcher) ?? ".";
        var state = CheckoutState.Stale;
        try
        {
            state = CheckoutInputs.Compare(root);
            if (state == CheckoutState.FreshAfterBuildOutput)
            {
                // Only bin/ or obj/ appeared: move the stamp so later starts skip the listing.
                File.SetLastWriteTimeUtc(Path.Combine(root, CheckoutInputs.Stamp), DateTime.UtcNow);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only .build/ cannot take the new stamp; the answer stands.
        }

        return state;
    }

    /// <summary>execve("/bin/sh", [sh, launcher, args…]) with the rebuild request added; returns errno if it fails.</summary>
    private unsafe int Relaunch(IReadOnlyList<string> args)
    {
        var argv = new List<string>(args.Count + 2) { "/bin/sh", launcher };
        argv.AddRange(args);
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment.Add($"{entry.Key}={entry.Value}");
        }

        environment.Add(RebuildVariable + "=1");
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
