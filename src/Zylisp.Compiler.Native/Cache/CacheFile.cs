using System.Text;

namespace Zylisp.Compiler.Native.Cache;

/// <summary>
/// Reading and writing one file of the zylisp cache folder. A cache that cannot be read or written
/// is never an error (the build does the work instead), and a file is replaced atomically, so a
/// concurrent build reads the old file or the new one, never half of one.
/// </summary>
internal static class CacheFile
{
    /// <summary>The file's text, or null when it cannot be read.</summary>
    public static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="text"/> under a private name beside <paramref name="path"/>, then renames it into place.</summary>
    public static void TryWrite(string path, string text)
    {
        var staging = path + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(staging, text);
            File.Move(staging, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(staging);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // A stray staging file is harmless: its name is never looked up again.
            }
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units: detects a cut or changed text (not an attack; the cache is the user's own).</summary>
    public static ulong Checksum(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// Whether the text is unchanged by writing it as UTF-8 and reading it back: a lone surrogate
    /// (a string constant may hold one) would read back as U+FFFD, which the checksum would reject
    /// on every build, so such a text is not cached at all.
    /// </summary>
    public static bool SurvivesUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;
}
