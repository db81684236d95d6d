using System.Text;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Commands;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Reads a command's input — a file, or standard input for <c>-</c> — as bytes. A file that cannot be
/// read gives a one-line reason instead of a .NET exception, because that is a usage error, not a crash.
/// </summary>
internal static class CommandInput
{
    /// <summary>The problem given for a path that does not exist.</summary>
    public const string NoSuchFile = "no such file";

    /// <summary>The name a diagnostic should use for <paramref name="path"/>: standard input is <c>&lt;stdin&gt;</c>, as for <c>zylisp run -</c>.</summary>
    public static string DisplayName(string path) => path == RunRequest.StandardInput ? RunCommand.StandardInputName : path;

    /// <summary>The input's bytes, or null with <paramref name="problem"/> saying why it could not be read.</summary>
    public static byte[]? TryReadBytes(string path, out string problem)
    {
        problem = "";
        try
        {
            if (path == RunRequest.StandardInput)
            {
                using var input = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                return buffer.ToArray();
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = NoSuchFile;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // Only now ask why: a Directory.Exists before every read costs a cold code path at start-up.
            problem = Directory.Exists(path) ? "is a directory"
                : ex is UnauthorizedAccessException ? "permission denied"
                : ex.Message;
        }

        return null;
    }

    /// <summary>Decodes UTF-8 text, dropping a byte-order mark as <see cref="File.ReadAllText(string)"/> does.</summary>
    public static string DecodeUtf8(byte[] bytes)
    {
        if (AsciiToString(bytes) is { } ascii)
        {
            return ascii;
        }

        var preamble = Encoding.UTF8.Preamble;
        var skip = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        return Encoding.UTF8.GetString(bytes, skip, bytes.Length - skip);
    }

    /// <summary>
    /// Most scripts are ASCII. Widening them with a plain loop keeps the UTF-8 decoder — cold code
    /// costing more than a millisecond — off the start-up path of <c>zylisp run</c>.
    /// </summary>
    private static string? AsciiToString(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b >= 0x80)
            {
                return null;
            }

            chars[i] = (char)b;
        }

        return new string(chars);
    }
}
