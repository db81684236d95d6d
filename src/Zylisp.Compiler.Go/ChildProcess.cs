using System.Runtime.InteropServices;

namespace Zylisp.Compiler.Go;

/// <summary>
/// Runs a program and waits for it with posix_spawn(3) and waitpid(2), for the one child
/// <c>zylisp compile</c> starts. System.Diagnostics.Process costs several milliseconds of the
/// compile-overhead budget before the child even starts (its assembly, SIGCHLD and terminal
/// handling, a copy of the environment into a dictionary). Linux with glibc only; anywhere else,
/// or if spawning fails, <see cref="TryRun"/> returns null and the caller uses Process.
/// </summary>
internal static partial class ChildProcess
{
    private const string LibC = "libc.so.6";
    private const int EINTR = 4;

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> (argv[0] is the program) in
    /// this process's environment and working directory; its exit code, 128 + the signal that ended
    /// it, or null when it could not be started this way.
    /// </summary>
    public static unsafe int? TryRun(string program, IReadOnlyList<string> arguments)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var argv = new IntPtr[arguments.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(program);
            for (int i = 0; i < arguments.Count; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            int pid;
            fixed (IntPtr* args = argv)
            {
                if (posix_spawn(&pid, argv[0], IntPtr.Zero, IntPtr.Zero, args, Environ()) != 0)
                {
                    return null;
                }
            }

            int status;
            while (waitpid(pid, &status, 0) < 0)
            {
                if (Marshal.GetLastPInvokeError() != EINTR)
                {
                    return null;
                }
            }

            // WIFEXITED: the low seven bits are zero, and the exit code is the next byte.
            return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            foreach (var arg in argv)
            {
                Marshal.FreeCoTaskMem(arg);
            }
        }
    }

    /// <summary>libc's <c>environ</c>: the environment this process was started with.</summary>
    private static unsafe IntPtr* Environ() =>
        *(IntPtr**)NativeLibrary.GetExport(NativeLibrary.Load(LibC), "environ");

    [LibraryImport(LibC, EntryPoint = "posix_spawn")]
    private static unsafe partial int posix_spawn(int* pid, IntPtr path, IntPtr fileActions, IntPtr attributes, IntPtr* argv, IntPtr* envp);

    [LibraryImport(LibC, EntryPoint = "waitpid", SetLastError = true)]
    private static unsafe partial int waitpid(int pid, int* status, int options);
}
