using System.Runtime.InteropServices;

namespace Zylisp.Rely;

/// <summary>POSIX calls .NET does not expose: asking a process to exit (SIGTERM) rather than killing it.</summary>
internal static class NativeMethods
{
    public const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysKill(int pid, int signal);

    /// <summary>Sends SIGTERM; false where signals are not available or the call failed.</summary>
    public static bool TrySendTerminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }
        try
        {
            return SysKill(pid, SigTerm) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
