namespace Zylisp.Compiler.Native.Cache;

/// <summary>
/// Where the native backend keeps what it computes once per compiler build
/// (<c>$XDG_CACHE_HOME/zylisp/native-library/KEY.*</c>, else <c>~/.cache/zylisp/…</c>): the
/// library's forms (<see cref="LibraryFormsCache"/>) and the typed routines' forms
/// (<see cref="RoutineFormsCache"/>), each named by this build's key.
/// </summary>
internal static class CacheFolder
{
    /// <summary>
    /// The key of this compiler build: the module version ids of the native backend (which embeds
    /// the library's text) and of the language assembly (reader, macros, analyzer, lowering).
    /// Deterministic builds give a new id exactly when an assembly's content changes, so a file
    /// written by another build is never read.
    /// </summary>
    public static string Key() =>
        Hex(typeof(CacheFolder).Module.ModuleVersionId) + "-" + Hex(typeof(Zylisp.Lang.Engine).Module.ModuleVersionId);

    /// <summary>The file of this build's <paramref name="key"/> with <paramref name="extension"/> under <paramref name="cacheDirectory"/>.</summary>
    public static string PathIn(string cacheDirectory, string key, string extension) =>
        Path.Combine(cacheDirectory, "native-library", key + extension);

    /// <summary><c>$XDG_CACHE_HOME/zylisp</c>, or <c>~/.cache/zylisp</c>; null when neither can be known.</summary>
    public static string? DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "zylisp");
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "zylisp");
    }

    /// <summary>The id's 16 bytes in lower-case hex (Guid.ToString's vectorized formatter is JIT-compiled on first use: ~1 ms).</summary>
    private static string Hex(Guid id)
    {
        const string digits = "0123456789abcdef";
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        Span<char> text = stackalloc char[32];
        for (var i = 0; i < bytes.Length; i++)
        {
            text[2 * i] = digits[bytes[i] >> 4];
            text[(2 * i) + 1] = digits[bytes[i] & 15];
        }

        return new string(text);
    }
}
