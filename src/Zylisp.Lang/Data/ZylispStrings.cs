using System.Text;

namespace Zylisp.Lang.Data;

/// <summary>
/// Zylisp strings are .NET strings indexed by Unicode code point (not UTF-16 unit), so
/// <c>(count "é😀")</c> is 2. A lone surrogate counts as one code point.
/// </summary>
public static class ZylispStrings
{
    public static int CodePointCount(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>Each code point as its own string.</summary>
    public static IEnumerable<object?> CodePoints(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        for (int i = 0; i < s.Length; i++)
        {
            int width = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            yield return s.Substring(i, width);
            i += width - 1;
        }
    }

    /// <summary>
    /// Code points [start, end) — Clojure's <c>subs</c>. Throws
    /// <see cref="ArgumentOutOfRangeException"/> unless 0 &lt;= start &lt;= end &lt;= count.
    /// </summary>
    public static string Substring(string s, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(s);
        long count = CodePointCount(s);
        if (start < 0 || end < start || end > count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"String index out of range: [{start}, {end}) of {count}.");
        }

        int from = OffsetOf(s, (int)start);
        int to = OffsetOf(s, (int)end);
        return s[from..to];
    }

    /// <summary>The code point at index <paramref name="index"/> as a string.</summary>
    public static string CodePointAt(string s, long index) => Substring(s, index, index + 1);

    /// <summary>Reverses by code point, keeping surrogate pairs intact.</summary>
    public static string Reverse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        foreach (string cp in CodePoints(s).Cast<string>().Reverse())
        {
            sb.Append(cp);
        }

        return sb.ToString();
    }

    private static int OffsetOf(string s, int codePointIndex)
    {
        int offset = 0;
        for (int i = 0; i < codePointIndex; i++)
        {
            offset += char.IsHighSurrogate(s[offset]) && offset + 1 < s.Length && char.IsLowSurrogate(s[offset + 1]) ? 2 : 1;
        }

        return offset;
    }
}
