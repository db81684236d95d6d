using System.Runtime.InteropServices;
using System.Text;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Takes what the terminal's line discipline has queued while the terminal was in canonical
/// ("cooked") mode, before .NET switches it to key mode. The switch happens at the first
/// Console.KeyAvailable/ReadKey and again after each child process that shares the terminal
/// starts or exits (the runtime gives such a child the cooked terminal; a REPL's worker is one).
/// In cooked mode a Ctrl+D on an empty line is not a byte but an end-of-file mark, and once the
/// terminal is in key mode that mark reads as a NUL byte, so a Ctrl+D typed in that window was
/// lost (docs/design/repl.md, "Ctrl+D at the prompt"). Read here first, in cooked mode, the mark
/// is a read of zero bytes, and comes back as the Ctrl+D character (U+0004).
/// Linux with glibc only, like <see cref="UnixOutput"/>; elsewhere nothing is taken.
/// </summary>
internal static unsafe partial class CookedTerminalInput
{
    private const string LibC = "libc.so.6";
    private const int StandardInput = 0;
    private const uint ICANON = 2; // c_lflag bit, Linux
    private const int LocalFlagsOffset = 12; // c_lflag in glibc's struct termios (four 32-bit flag words)
    private const int TermiosSize = 60;
    private const short POLLIN = 1;
    private const int EINTR = 4;
    private const int MaxLines = 64;

    /// <summary>The end-of-file mark the line discipline queued for a Ctrl+D, as text.</summary>
    public const char EndOfFile = '\u0004';

    /// <summary>
    /// The complete lines and end-of-file marks queued while the terminal is in cooked mode, in the
    /// order typed (each end-of-file as <see cref="EndOfFile"/>); empty when standard input is not a
    /// terminal, the terminal is in key mode already, or nothing complete is queued. A line still
    /// being typed stays queued: after the switch it reads as ordinary keys.
    /// </summary>
    public static string TakeCompletedInput()
    {
        if (!UnixOutput.IsAvailable || !IsCooked())
        {
            return "";
        }

        var text = new StringBuilder();
        var buffer = stackalloc byte[4096];
        for (var lines = 0; lines < MaxLines && Readable(); lines++)
        {
            // In cooked mode one read returns one line, or zero bytes for an end-of-file mark.
            var count = read(StandardInput, buffer, 4096);
            if (count < 0)
            {
                if (Marshal.GetLastPInvokeError() == EINTR)
                {
                    continue;
                }

                break;
            }

            if (count == 0)
            {
                text.Append(EndOfFile);
                break; // a hung-up terminal reads as end of file forever; the first says enough
            }

            text.Append(Encoding.UTF8.GetString(buffer, (int)count));
        }

        return text.ToString();
    }

    private static bool IsCooked()
    {
        var termios = stackalloc byte[TermiosSize + 4];
        return tcgetattr(StandardInput, termios) == 0 && (*(uint*)(termios + LocalFlagsOffset) & ICANON) != 0;
    }

    /// <summary>In cooked mode the terminal is readable only when a whole line or an end-of-file mark is queued.</summary>
    private static bool Readable()
    {
        var poll = new PollFd { Fd = StandardInput, Events = POLLIN };
        return CookedTerminalInput.poll(&poll, 1, 0) > 0 && (poll.Revents & POLLIN) != 0;
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
    private static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial nint read(int fd, byte* buffer, nint count);
#pragma warning restore SA1300, IDE1006
}
