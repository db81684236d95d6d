using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Commands;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Reads a command's input — a file, or standard input for <c>-</c> — as bytes. A file that cannot be
/// read gives a one-line reason instead of a .NET exception, because that is a usage error, not a crash.
/// </summary>
internal static class CommandInput
{
    private static readonly Zylisp.Lang.RuntimeLimits DefaultLimits = new();

    /// <summary>The problem given for a path that does not exist.</summary>
    public const string NoSuchFile = "no such file";

    /// <summary>The name a diagnostic should use for <paramref name="path"/>: standard input is <c>&lt;stdin&gt;</c>, as for <c>zylisp run -</c>.</summary>
    public static string DisplayName(string path) => path == RunRequest.StandardInput ? RunCommand.StandardInputName : path;

    /// <summary>
    /// The input's bytes, or null with <paramref name="problem"/> saying why it could not be read.
    /// At most <paramref name="maxBytes"/> bytes are read (RuntimeLimits.MaxSourceLength by default),
    /// so <c>/dev/zero</c> or a runaway pipe is a clear error, not an out-of-memory crash.
    /// </summary>
    public static byte[]? TryReadBytes(string path, out string problem, int maxBytes = -1)
    {
        problem = "";
        int limit = maxBytes < 0 ? DefaultLimits.MaxSourceLength : maxBytes;
        if (path.Length == 0)
        {
            problem = "the file name is empty";
            return null;
        }

        try
        {
            if (path == RunRequest.StandardInput)
            {
                if (StandardInputState.WasClosed())
                {
                    problem = "standard input is closed";
                    return null;
                }

                using var input = Console.OpenStandardInput();
                return ReadAtMost(input, limit, out problem);
            }

            if (UnixInput.TryReadFile(path, limit) is { } fast)
            {
                return fast;
            }

            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            return ReadAtMost(file, limit, out problem);
        }
        catch (Exception ex) when (Zylisp.Lang.Runtime.FileErrors.IsFileFailure(ex))
        {
            problem = Zylisp.Lang.Runtime.FileErrors.Reason(ex, path);
        }

        return null;
    }

    /// <summary>The whole stream if it has at most <paramref name="limit"/> bytes; else null and why.</summary>
    private static byte[]? ReadAtMost(Stream input, int limit, out string problem)
    {
        problem = "";
        if (input.CanSeek && input.Length > 0 && input.Length <= limit)
        {
            // A regular file: one read of the known size, as File.ReadAllBytes does. Devices such as
            // /dev/zero report a length of 0 and are read in chunks, up to the limit.
            var whole = new byte[input.Length];
            input.ReadExactly(whole);
            return whole;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = input.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                problem = $"larger than the source size limit of {limit:N0} bytes";
                return null;
            }
        }

        return buffer.ToArray();
    }
}
