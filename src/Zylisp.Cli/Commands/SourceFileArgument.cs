using Zylisp.Cli.CommandLine;
using Zylisp.Lang.Runtime;

namespace Zylisp.Cli.Commands;

/// <summary>
/// A file argument of the commands that take several (<c>format</c>, <c>lint</c>): a path, or
/// <c>-</c> for standard input, read whole. A file that cannot be read is reported as
/// <c>zylisp COMMAND: …</c> and skipped, so the other files are still processed.
/// </summary>
internal static class SourceFileArgument
{
    /// <summary>The name diagnostics use for <paramref name="path"/> and its text; false (reported on <paramref name="error"/>) when it cannot be read.</summary>
    public static bool TryRead(string path, string command, TextWriter error, out string name, out string text)
    {
        bool stdin = path == RunRequest.StandardInput;
        name = stdin ? RunCommand.StandardInputName : path;
        try
        {
            text = stdin ? Console.In.ReadToEnd() : File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (FileErrors.IsFileFailure(e))
        {
            error.WriteLine($"zylisp {command}: {FileErrors.Describe("read", path, e)}");
            text = "";
            return false;
        }
    }
}
