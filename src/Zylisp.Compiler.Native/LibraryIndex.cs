using System.Text;

namespace Zylisp.Compiler.Native;

/// <summary>
/// Which library globals each library global uses, as the analyzer sees them, kept on disk per
/// compiler build (<c>$XDG_CACHE_HOME/zylisp/native-library/KEY.idx</c>). The library is the same
/// for every program, so it is analyzed whole once; later builds select from this graph exactly
/// the forms a program reaches and analyze only those (selecting from the text alone took ~78 of
/// the library's forms for a program needing only <c>range</c>; docs/design/native-compile-latency.md).
/// The graph only chooses what to analyze: <see cref="NativeLibrary.For"/> still keeps exactly the
/// analyzed forms the program reaches and adds any form the analysis reached that was not chosen,
/// so a wrong graph costs time, never a wrong program. A file that is unreadable, truncated or
/// written by another build is ignored and replaced.
/// </summary>
internal sealed class LibraryIndex
{
    private const string Header = "zylisp native library index 1";

    /// <summary>The key of the forms that define no name (defmacro, top-level expressions).</summary>
    public const string Unnamed = "";

    private readonly Dictionary<string, string[]> uses;

    public LibraryIndex(Dictionary<string, string[]> uses) => this.uses = uses;

    /// <summary>The library globals the definitions of <paramref name="name"/> use, or null when the index does not know the name.</summary>
    public IReadOnlyList<string>? Uses(string name) => uses.GetValueOrDefault(name);

    /// <summary>
    /// The key of this compiler build: the module version ids of the native backend (which embeds
    /// the library's text) and of the language assembly (reader, macros, analyzer). Deterministic
    /// builds give a new id exactly when an assembly's content changes.
    /// </summary>
    public static string BuildKey() =>
        Hex(typeof(LibraryIndex).Module.ModuleVersionId) + "-" + Hex(typeof(Zylisp.Lang.Engine).Module.ModuleVersionId);

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

    /// <summary>The index file of this build under <paramref name="cacheDirectory"/> (the zylisp cache folder).</summary>
    public static string PathIn(string cacheDirectory, string key) => Path.Combine(cacheDirectory, "native-library", key + ".idx");

    /// <summary><c>$XDG_CACHE_HOME/zylisp</c>, or <c>~/.cache/zylisp</c>; null when neither can be known.</summary>
    public static string? DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "zylisp");
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "zylisp");
    }

    /// <summary>The index in <paramref name="path"/> written for <paramref name="key"/>, or null when it is missing, damaged or another build's.</summary>
    public static LibraryIndex? TryLoad(string path, string key) => Cache.CacheFile.TryRead(path) is { } text ? Parse(text, key) : null;

    /// <summary>
    /// Reads the format <see cref="Format"/> writes: the header, <c>key KEY</c>, one line per name
    /// (the name, a tab, the names it uses separated by spaces), and <c>end N</c> with N the number
    /// of name lines. Anything else is null.
    /// </summary>
    public static LibraryIndex? Parse(string text, string key)
    {
        var lines = text.Split('\n');
        // The last line is the empty one after the final newline: its absence means a cut file.
        if (lines.Length < 4 || lines[0] != Header || lines[1] != "key " + key || lines[^1].Length != 0)
        {
            return null;
        }

        var end = lines[^2];
        var count = lines.Length - 4;
        if (end != "end " + count)
        {
            return null;
        }

        var uses = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 2; i < lines.Length - 2; i++)
        {
            var tab = lines[i].IndexOf('\t');
            if (tab < 0)
            {
                return null;
            }

            var used = lines[i][(tab + 1)..];
            uses[lines[i][..tab]] = used.Length == 0 ? [] : used.Split(' ');
        }

        return new LibraryIndex(uses);
    }

    /// <summary>The file's text for <paramref name="key"/>, names in ordinal order.</summary>
    public string Format(string key)
    {
        var names = new List<string>(uses.Keys);
        names.Sort(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(Header).Append('\n').Append("key ").Append(key).Append('\n');
        foreach (var name in names)
        {
            text.Append(name).Append('\t').Append(string.Join(' ', uses[name])).Append('\n');
        }

        return text.Append("end ").Append(names.Count).Append('\n').ToString();
    }

    /// <summary>
    /// Writes the index to <paramref name="path"/> (atomically; <see cref="Cache.CacheFile.TryWrite"/>).
    /// A cache that cannot be written is no error: the next build analyzes the library again.
    /// </summary>
    public void TrySave(string path, string key) => Cache.CacheFile.TryWrite(path, Format(key));
}
