using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native.Cache;

/// <summary>
/// The typed runtime routines' lowered forms (the printer, <c>Emit/TypedRoutines.cs</c>), kept in the
/// zylisp cache folder beside the library's forms (<c>native-library/KEY.routines</c>, KEY as
/// <see cref="CacheFolder.Key"/>). Every native build emits them, and analyzing their ~11 KB
/// of library source cost a fresh process ~45 ms of CPU; reading them back costs a few.
/// The file holds a header, the key, the entry routines, an FNV-1a checksum of the payload, and the
/// payload (<see cref="LoweredFormsWriter"/>). A missing, cut, damaged or foreign file, a wrong
/// checksum or a payload the reader rejects is ignored and rewritten, so damage costs one analysis,
/// never a wrong program. A file is written only after its payload read back writes the same text.
/// </summary>
internal static class RoutineFormsCache
{
    private const string Header = "zylisp native routine forms 2";

    /// <summary>The cache file of this compiler build under <paramref name="cacheDirectory"/>.</summary>
    public static string PathIn(string cacheDirectory, string key) => CacheFolder.PathIn(cacheDirectory, key, ".routines");

    /// <summary>The cached forms for <paramref name="entries"/>, or else <paramref name="analyze"/>'s, which are then cached.</summary>
    public static IReadOnlyList<LTopLevel> LoadOrAnalyze(string cacheDirectory, IReadOnlyList<string> entries, Func<IReadOnlyList<LTopLevel>> analyze)
    {
        var key = CacheFolder.Key();
        var path = PathIn(cacheDirectory, key);
        if (CacheFile.TryRead(path) is { } text && Parse(text, key, entries) is { } cached)
        {
            return cached;
        }

        var forms = analyze();
        if (Format(forms, key, entries) is { } written)
        {
            CacheFile.TryWrite(path, written);
        }

        return forms;
    }

    /// <summary>The file's text, or null when the forms hold something the format does not, or do not read back the same.</summary>
    public static string? Format(IReadOnlyList<LTopLevel> forms, string key, IReadOnlyList<string> entries)
    {
        string payload;
        try
        {
            payload = LoweredFormsWriter.Write(forms);
            if (LoweredFormsWriter.Write(LoweredFormsReader.Read(payload)) != payload || !CacheFile.SurvivesUtf8(payload))
            {
                return null;
            }
        }
        catch (Exception e) when (e is NotSupportedException or FormatException)
        {
            return null;
        }

        return new StringBuilder()
            .Append(Header).Append('\n')
            .Append("key ").Append(key).Append('\n')
            .Append("entries ").Append(string.Join(' ', entries)).Append('\n')
            .Append("check ").Append(CacheFile.Checksum(payload).ToString("x16", CultureInfo.InvariantCulture)).Append('\n')
            .Append(payload).ToString();
    }

    /// <summary>The forms in a file's text written by this build for these entries, or null.</summary>
    public static ImmutableArray<LTopLevel>? Parse(string text, string key, IReadOnlyList<string> entries)
    {
        var at = 0;
        if (!Line(text, ref at, Header) || !Line(text, ref at, "key " + key) || !Line(text, ref at, "entries " + string.Join(' ', entries)))
        {
            return null;
        }

        const string check = "check ";
        var end = text.IndexOf('\n', at);
        if (end < 0 || string.CompareOrdinal(text, at, check, 0, check.Length) != 0 ||
            !ulong.TryParse(text.AsSpan(at + check.Length, end - at - check.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var sum))
        {
            return null;
        }

        var payload = text[(end + 1)..];
        if (CacheFile.Checksum(payload) != sum)
        {
            return null;
        }

        try
        {
            return LoweredFormsReader.Read(payload);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool Line(string text, ref int at, string expected)
    {
        if (text.Length - at <= expected.Length || string.CompareOrdinal(text, at, expected, 0, expected.Length) != 0 || text[at + expected.Length] != '\n')
        {
            return false;
        }

        at += expected.Length + 1;
        return true;
    }
}
