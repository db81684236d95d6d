using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native.Cache;

/// <summary>
/// The whole Zylisp-written library (Library/*.zl) analyzed and lowered once per compiler build,
/// kept in the zylisp cache folder (<c>native-library/KEY.library</c>, KEY as
/// <see cref="CacheFolder.Key"/>), so a build pays for its program's own forms only: analyzing the
/// ~23 KB of strings and regex code <c>word_frequencies.zl</c> needs cost a fresh process more
/// than its whole program did (docs/design/native-compile-latency.md).
/// <para>
/// The file is three header lines (<c>zylisp native library forms 1</c>, <c>key KEY</c>,
/// <c>table BYTES CHECK</c>), the table (<c>names …</c>: the names the library's text defines; one
/// line per top-level form, in library order: the globals it defines, a tab, the globals it uses,
/// a tab, its payload's UTF-8 length and checksum; <c>end N</c>), then every form's payload, each a
/// <see cref="LoweredFormsWriter"/> text of that one form. A build reads the header and the table,
/// chooses the forms its program reaches (<see cref="LibraryShape.Keep"/>), and reads and checks
/// only those, so it never holds the whole file.
/// </para>
/// <para>
/// These forms are the program's code, so nothing doubtful is used: a file whose header, key,
/// length, table checksum or a chosen form's checksum is wrong, or whose text the reader does not
/// accept whole, is ignored, and the build analyzes the library and rewrites the file (atomically).
/// A file is written only when every form's payload reads back to the same text.
/// </para>
/// </summary>
internal static class LibraryFormsCache
{
    private const string Header = "zylisp native library forms 1";

    /// <summary>The cache file of this compiler build under <paramref name="cacheDirectory"/>.</summary>
    public static string PathIn(string cacheDirectory, string key) => CacheFolder.PathIn(cacheDirectory, key, ".library");

    /// <summary>
    /// The lowered forms <paramref name="choose"/> picks from the file's table, in its order, or
    /// null when the file is missing, another build's, or damaged anywhere this build looks.
    /// </summary>
    public static IReadOnlyList<LTopLevel>? TryRead(string path, string key, Func<LibraryShape, int[]> choose)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var length = RandomAccess.GetLength(file);
            var head = ReadText(file, 0, (int)Math.Min(length, 256));
            var at = 0;
            if (!Line(head, ref at, Header) || !Line(head, ref at, "key " + key) ||
                Field(head, ref at, "table ") is not { } table || table.Split(' ') is not [var bytesText, var checkText] ||
                !int.TryParse(bytesText, NumberStyles.None, CultureInfo.InvariantCulture, out var tableBytes) ||
                !ulong.TryParse(checkText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var tableCheck))
            {
                return null;
            }

            var headBytes = Encoding.UTF8.GetByteCount(head.AsSpan(0, at));
            if (tableBytes > length - headBytes)
            {
                return null;
            }

            var tableText = ReadText(file, headBytes, tableBytes);
            if (CacheFile.Checksum(tableText) != tableCheck || ParseTable(tableText) is not var (shape, sizes, checks))
            {
                return null;
            }

            // Every payload's offset; the lengths must add up to the file's, so a cut file is never read.
            var offsets = new long[sizes.Length];
            var end = (long)headBytes + tableBytes;
            for (var i = 0; i < sizes.Length; i++)
            {
                offsets[i] = end;
                end += sizes[i];
            }

            if (end != length)
            {
                return null;
            }

            var chosen = choose(shape);
            var forms = new LTopLevel[chosen.Length];
            for (var i = 0; i < chosen.Length; i++)
            {
                var form = chosen[i];
                var payload = ReadText(file, offsets[form], sizes[form]);
                if (CacheFile.Checksum(payload) != checks[form] || LoweredFormsReader.Read(payload) is not [var lowered])
                {
                    return null;
                }

                forms[i] = lowered;
            }

            return forms;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The file's text for the analyzed library, or null when a form holds something the format does not, or does not read back the same.</summary>
    public static string? Format(LibraryShape shape, IReadOnlyList<LTopLevel> forms, string key)
    {
        var payloads = new string[forms.Count];
        try
        {
            for (var i = 0; i < payloads.Length; i++)
            {
                var payload = LoweredFormsWriter.Write([forms[i]]);
                if (LoweredFormsWriter.Write(LoweredFormsReader.Read(payload)) != payload || !CacheFile.SurvivesUtf8(payload))
                {
                    return null;
                }

                payloads[i] = payload;
            }
        }
        catch (Exception e) when (e is NotSupportedException or FormatException)
        {
            return null;
        }

        var table = new StringBuilder();
        table.Append("names ").Append(string.Join(' ', shape.Names)).Append('\n');
        for (var i = 0; i < payloads.Length; i++)
        {
            table.Append(string.Join(' ', shape.Defines[i])).Append('\t').Append(string.Join(' ', shape.Uses[i])).Append('\t')
                .Append(Encoding.UTF8.GetByteCount(payloads[i]).ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(CacheFile.Checksum(payloads[i]).ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
        }

        var tableText = table.Append("end ").Append(payloads.Length.ToString(CultureInfo.InvariantCulture)).Append('\n').ToString();
        var text = new StringBuilder()
            .Append(Header).Append('\n')
            .Append("key ").Append(key).Append('\n')
            .Append("table ").Append(Encoding.UTF8.GetByteCount(tableText).ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(CacheFile.Checksum(tableText).ToString("x16", CultureInfo.InvariantCulture)).Append('\n')
            .Append(tableText);
        foreach (var payload in payloads)
        {
            text.Append(payload);
        }

        return text.ToString();
    }

    /// <summary>The table's shape, and each form's payload length and checksum; null when it is not one this format writes.</summary>
    private static (LibraryShape Shape, int[] Sizes, ulong[] Checks)? ParseTable(string table)
    {
        var lines = table.Split('\n');
        // names, the forms, "end N", and the empty text after the last line break.
        if (lines.Length < 3 || lines[^1].Length != 0 || !lines[0].StartsWith("names ", StringComparison.Ordinal) ||
            lines[^2] != "end " + (lines.Length - 3).ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        var count = lines.Length - 3;
        var defines = new string[count][];
        var uses = new string[count][];
        var sizes = new int[count];
        var checks = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            if (lines[i + 1].Split('\t') is not [var defined, var used, var size, var check] ||
                !int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) ||
                !ulong.TryParse(check, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out checks[i]))
            {
                return null;
            }

            defines[i] = Names(defined);
            uses[i] = Names(used);
        }

        return (new LibraryShape(Names(lines[0]["names ".Length..]), defines, uses), sizes, checks);
    }

    private static string[] Names(string text) => text.Length == 0 ? [] : text.Split(' ');

    /// <summary><paramref name="count"/> bytes at <paramref name="offset"/> as UTF-8 text (damage decodes to different text, which its checksum catches).</summary>
    /// <exception cref="FormatException">The file ends first.</exception>
    private static string ReadText(SafeFileHandle file, long offset, int count)
    {
        var bytes = new byte[count];
        var done = 0;
        while (done < count)
        {
            var read = RandomAccess.Read(file, bytes.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw new FormatException("the file ends early");
            }

            done += read;
        }

        return Encoding.UTF8.GetString(bytes);
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

    /// <summary>The rest of the line at <paramref name="at"/> after <paramref name="prefix"/>, or null.</summary>
    private static string? Field(string text, ref int at, string prefix)
    {
        var end = text.IndexOf('\n', at);
        if (end < 0 || string.CompareOrdinal(text, at, prefix, 0, prefix.Length) != 0)
        {
            return null;
        }

        var value = text[(at + prefix.Length)..end];
        at = end + 1;
        return value;
    }
}
