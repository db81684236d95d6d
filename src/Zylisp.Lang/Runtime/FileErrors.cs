namespace Zylisp.Lang.Runtime;

/// <summary>
/// Says in Zylisp's words why a file could not be read or written. .NET's own messages ("Could not
/// find a part of the path …", "Access to the path … is denied" for a directory) are the host
/// talking, and issue 15 keeps the host's words away from users.
/// </summary>
public static class FileErrors
{
    /// <summary>Whether <paramref name="e"/> is what the framework throws when a path cannot be used.</summary>
    public static bool IsFileFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>The reason, without the path: "no such file", "is a directory", "permission denied", …</summary>
    public static string Reason(Exception e, string path) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => Directory.Exists(path) ? "is a directory" : "no such file",
        PathTooLongException => "the path is too long",
        // Checked only now: asking Directory.Exists before every read costs a cold path at start-up.
        UnauthorizedAccessException or IOException when Directory.Exists(path) => "is a directory",
        UnauthorizedAccessException => "permission denied",
        ArgumentException or NotSupportedException => path.Length == 0 ? "the file name is empty" : "not a valid path",
        // Other I/O failures (disk full, device errors) carry the operating system's own text.
        _ => TrimPath(e.Message, path),
    };

    /// <summary>"cannot read 'x.zl': no such file"-style text for <paramref name="verb"/> ("read", "write").</summary>
    public static string Describe(string verb, string path, Exception e) => $"cannot {verb} '{path}': {Reason(e, path)}";

    private static string TrimPath(string message, string path)
    {
        // "No space left on device : '/x'" → "no space left on device"
        var text = message.Replace($" : '{path}'", "", StringComparison.Ordinal).Replace($"'{path}'", "", StringComparison.Ordinal).Trim().TrimEnd('.');
        return text.Length == 0 ? "input/output error" : char.ToLowerInvariant(text[0]) + text[1..];
    }
}
