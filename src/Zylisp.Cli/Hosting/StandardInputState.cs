using System.Runtime.InteropServices;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Whether the process was started with standard input closed (<c>zylisp repl &lt;&amp;-</c>). The
/// runtime then reuses descriptor 0 for one of its own pipes, and reading "standard input" blocks
/// forever (issue 15 item 10). A descriptor inherited across exec never has close-on-exec set, so
/// descriptor 0 with that flag (or no descriptor 0 at all) means the real input was closed.
/// </summary>
internal static partial class StandardInputState
{
    private const int FGetFd = 1;
    private const int FdCloexec = 1;

    public static bool WasClosed()
    {
        if (!UnixOutput.IsAvailable)
        {
            return false;
        }

        int flags = fcntl(0, FGetFd);
        return flags < 0 || (flags & FdCloexec) != 0;
    }

#pragma warning disable SA1300, IDE1006 // The C library's own name.
    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int fcntl(int fd, int command);
#pragma warning restore SA1300, IDE1006
}
