using System.Runtime.InteropServices;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Writing to standard output and error with write(2), without System.Console. The first write
/// through a Console stream initialises the terminal and signal handling (terminfo, a signal thread,
/// Console.Out itself): about 2 ms of every <c>zylisp run</c>, for nothing a script needs
/// (docs/design/cli-startup.md). Plain write(2) also keeps the descriptor's shared offset, which
/// matters for <c>&gt; log 2&gt;&amp;1</c>; a FileStream over the descriptor would not (it uses pwrite at
/// a private position, so stdout and stderr overwrite each other). Linux with glibc only; anywhere
/// else <see cref="IsAvailable"/> is false and the caller keeps the Console streams.
/// </summary>
internal static partial class UnixOutput
{
    private const string LibC = "libc.so.6";
    private const int EINTR = 4;
    private const int EAGAIN = 11;
    private const int EPIPE = 32;
    private const short POLLOUT = 4;

    /// <summary>Whether write(2) can be called here; probed once, on first use.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Whether the descriptor is a terminal; only meaningful when <see cref="IsAvailable"/>.</summary>
    public static bool IsTerminal(int fd) => isatty(fd) == 1;

    /// <summary>
    /// Writes all of <paramref name="bytes"/>. Returns false once the reader has gone (EPIPE), as the
    /// Console streams do silently: <c>zylisp run x | head -1</c> is not an error. Other failures throw.
    /// </summary>
    public static unsafe bool WriteAll(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var written = write(fd, start + offset, bytes.Length - offset);
                if (written >= 0)
                {
                    offset += (int)written;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                switch (errno)
                {
                    case EINTR:
                        continue;
                    case EPIPE:
                        return false;
                    case EAGAIN:
                        // A non-blocking descriptor inherited from the parent: wait until it drains.
                        var poll = new PollFd { Fd = fd, Events = POLLOUT };
                        _ = UnixOutput.poll(&poll, 1, -1);
                        continue;
                    default:
                        throw new IOException($"write to descriptor {fd} failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
                }
            }
        }

        return true;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            _ = isatty(1);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl names its C library differently): the Console streams will do.
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

#pragma warning disable SA1300, IDE1006 // The C library's own names.
    [LibraryImport(LibC, SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport(LibC)]
    private static partial int isatty(int fd);

    [LibraryImport(LibC, SetLastError = true)]
    private static unsafe partial int poll(PollFd* fds, nuint count, int timeout);
#pragma warning restore SA1300, IDE1006
}
