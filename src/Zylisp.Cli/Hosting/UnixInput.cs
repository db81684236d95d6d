using System.Runtime.InteropServices;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Reading a script with open(2) and read(2). The first <see cref="FileStream"/> of a process costs
/// ~2.5 ms of CPU (its strategy, handle and buffering code all run for the first time), a tenth of
/// a hello world's whole start (docs/design/cli-startup.md). Only the plain success case is handled
/// here: any failure, a non-ASCII path or a file over the limit returns null, and the caller reads
/// the file the ordinary way, which also words the error. Linux with glibc only, like <see cref="UnixOutput"/>.
/// </summary>
internal static unsafe partial class UnixInput
{
    private const string LibC = "libc.so.6";
    private const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC
    private const int EINTR = 4;

    /// <summary>The file's bytes, or null when the caller should read it the ordinary way.</summary>
    public static byte[]? TryReadFile(string path, int limit)
    {
        if (!UnixOutput.IsAvailable || path.Length == 0 || path.Length > 4000)
        {
            return null;
        }

        // The path as NUL-terminated bytes without the UTF-8 encoder (cold code too): ASCII only.
        var name = stackalloc byte[path.Length + 1];
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] is '\0' or >= (char)0x80)
            {
                return null;
            }

            name[i] = (byte)path[i];
        }

        name[path.Length] = 0;
        int fd;
        while ((fd = open(name, OpenReadOnlyCloseOnExec)) < 0)
        {
            if (Marshal.GetLastPInvokeError() != EINTR)
            {
                return null;
            }
        }

        try
        {
            return ReadToEnd(fd, limit);
        }
        finally
        {
            _ = close(fd);
        }
    }

    private static byte[]? ReadToEnd(int fd, int limit)
    {
        var buffer = new byte[(int)Math.Min(64 * 1024, (long)limit + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Min((long)buffer.Length * 2, (long)limit + 1), Array.MaxLength));
            }

            nint read;
            fixed (byte* start = buffer)
            {
                read = UnixInput.read(fd, start + length, buffer.Length - length);
            }

            if (read > 0)
            {
                length += (int)read;
            }
            else if (read == 0)
            {
                return length > limit ? null : buffer[..length];
            }
            else if (Marshal.GetLastPInvokeError() != EINTR)
            {
                return null; // EISDIR, EIO...: the ordinary path says what went wrong
            }
        }
    }

#pragma warning disable SA1300, IDE1006 // The C library's own names.
    [LibraryImport(LibC, SetLastError = true)]
    private static partial int open(byte* path, int flags);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport(LibC)]
    private static partial int close(int fd);
#pragma warning restore SA1300, IDE1006
}
