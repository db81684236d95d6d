using System.Globalization;
using System.Text;

namespace Zylisp.Lang.Runtime.Regex;

/// <summary>
/// A character class of the dialect (a [...] class, ., \D \W \S, \p{...}) as a set of code
/// points, written for .NET, whose matcher reads UTF-16 units. The dialect's atoms match whole
/// code points (docs/design/regex.md, "Code points"), as Go's and the native matcher do, so a
/// class is written as a BMP class that never matches a surrogate unit, or'ed with the UTF-16
/// pairs of its code points outside the BMP: [^a] matches all of "😀", never half of it.
/// </summary>
internal sealed class CodePointClass(bool negated, bool caseInsensitive = false)
{
    private const int LastCodePoint = 0x10FFFF;
    private const int FirstAstral = 0x10000;

    private readonly List<(int Lo, int Hi)> ranges = [];
    private readonly List<(string Name, bool Negated)> categories = [];

    /// <summary>The code point runs outside the BMP, with their general category (from .NET's tables).</summary>
    private static readonly Lazy<(int Lo, int Hi, UnicodeCategory Category)[]> AstralRuns = new(ComputeAstralRuns);

    public void Add(int lo, int hi) => ranges.Add((lo, hi));

    public void AddRanges(IEnumerable<(int Lo, int Hi)> items) => ranges.AddRange(items);

    /// <summary>A general category (L, Lu, ...), or its complement (\P).</summary>
    public void AddCategory(string name, bool complement) => categories.Add((name, complement));

    /// <summary>
    /// The class as .NET pattern text that matches one whole code point of it; without
    /// <paramref name="astral"/>, only the BMP part (for text with no surrogates).
    /// </summary>
    public string ToDotNet(bool astral = true)
    {
        var bmp = new StringBuilder();
        foreach (var (lo, hi) in ranges)
        {
            AppendBmpRange(bmp, lo, Math.Min(hi, 0xD7FF));
            AppendBmpRange(bmp, Math.Max(lo, 0xE000), Math.Min(hi, 0xFFFF));
        }

        foreach (var (name, complement) in categories)
        {
            bmp.Append(complement ? "\\P{" : "\\p{").Append(name).Append('}');
        }

        string? bmpClass = negated ? "[^" + bmp + "\\uD800-\\uDFFF]"
            : bmp.Length == 0 ? null
            : categories.Count == 0 ? "[" + bmp + "]"
            : "[" + bmp + "-[\\uD800-\\uDFFF]]";

        var pairs = "";
        if (astral)
        {
            var members = Normalize(AstralMembers());
            pairs = Utf16Pairs(negated ? Complement(members) : members);
        }

        if (pairs.Length == 0)
        {
            return bmpClass ?? "[^\\x00-\\uFFFF]";
        }

        return bmpClass is null ? "(?:" + pairs + ")" : "(?:" + bmpClass + "|" + pairs + ")";
    }

    /// <summary>. (any code point but \n, or any at all under (?s)).</summary>
    public static CodePointClass AnyCodePoint(bool dotAll)
    {
        var any = new CodePointClass(negated: true);
        if (!dotAll)
        {
            any.Add('\n', '\n');
        }

        return any;
    }

    /// <summary>An escaped literal code point, grouped when it is two UTF-16 units so a quantifier repeats both.</summary>
    public static string Literal(int codePoint)
    {
        var text = System.Text.RegularExpressions.Regex.Escape(char.ConvertFromUtf32(codePoint));
        return codePoint >= FirstAstral ? "(?:" + text + ")" : text;
    }

    private static void AppendBmpRange(StringBuilder bmp, int lo, int hi)
    {
        if (lo > hi)
        {
            return;
        }

        bmp.Append("\\u").Append(Hex(lo));
        if (hi > lo)
        {
            bmp.Append("-\\u").Append(Hex(hi));
        }
    }

    private List<(int Lo, int Hi)> AstralMembers()
    {
        var members = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in ranges)
        {
            if (hi >= FirstAstral)
            {
                members.Add((Math.Max(lo, FirstAstral), hi));
            }
        }

        foreach (var (name, complement) in categories)
        {
            // Under (?i) .NET takes \p{Lu}, \p{Ll} and \p{Lt} for all cased letters; outside the BMP too.
            var cased = caseInsensitive && name is "Lu" or "Ll" or "Lt";
            foreach (var (lo, hi, category) in AstralRuns.Value)
            {
                var member = cased ? InCategory(category, "Lu") || InCategory(category, "Ll") || InCategory(category, "Lt") : InCategory(category, name);
                if (member != complement)
                {
                    members.Add((lo, hi));
                }
            }
        }

        return members;
    }

    private static bool InCategory(UnicodeCategory category, string name)
    {
        var abbreviation = Abbreviation(category);
        return name.Length == 1 ? abbreviation[0] == name[0] : abbreviation == name;
    }

    private static string Abbreviation(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => "Lu",
        UnicodeCategory.LowercaseLetter => "Ll",
        UnicodeCategory.TitlecaseLetter => "Lt",
        UnicodeCategory.ModifierLetter => "Lm",
        UnicodeCategory.OtherLetter => "Lo",
        UnicodeCategory.NonSpacingMark => "Mn",
        UnicodeCategory.SpacingCombiningMark => "Mc",
        UnicodeCategory.EnclosingMark => "Me",
        UnicodeCategory.DecimalDigitNumber => "Nd",
        UnicodeCategory.LetterNumber => "Nl",
        UnicodeCategory.OtherNumber => "No",
        UnicodeCategory.SpaceSeparator => "Zs",
        UnicodeCategory.LineSeparator => "Zl",
        UnicodeCategory.ParagraphSeparator => "Zp",
        UnicodeCategory.Control => "Cc",
        UnicodeCategory.Format => "Cf",
        UnicodeCategory.Surrogate => "Cs",
        UnicodeCategory.PrivateUse => "Co",
        UnicodeCategory.ConnectorPunctuation => "Pc",
        UnicodeCategory.DashPunctuation => "Pd",
        UnicodeCategory.OpenPunctuation => "Ps",
        UnicodeCategory.ClosePunctuation => "Pe",
        UnicodeCategory.InitialQuotePunctuation => "Pi",
        UnicodeCategory.FinalQuotePunctuation => "Pf",
        UnicodeCategory.OtherPunctuation => "Po",
        UnicodeCategory.MathSymbol => "Sm",
        UnicodeCategory.CurrencySymbol => "Sc",
        UnicodeCategory.ModifierSymbol => "Sk",
        UnicodeCategory.OtherSymbol => "So",
        _ => "Cn",
    };

    private static (int Lo, int Hi, UnicodeCategory Category)[] ComputeAstralRuns()
    {
        var runs = new List<(int Lo, int Hi, UnicodeCategory Category)>();
        var start = FirstAstral;
        var current = CharUnicodeInfo.GetUnicodeCategory(FirstAstral);
        for (var cp = FirstAstral + 1; cp <= LastCodePoint + 1; cp++)
        {
            var category = cp <= LastCodePoint ? CharUnicodeInfo.GetUnicodeCategory(cp) : (UnicodeCategory)(-1);
            if (category != current)
            {
                runs.Add((start, cp - 1, current));
                start = cp;
                current = category;
            }
        }

        return [.. runs];
    }

    private static List<(int Lo, int Hi)> Normalize(List<(int Lo, int Hi)> members)
    {
        members.Sort();
        var merged = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in members)
        {
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            }
            else
            {
                merged.Add((lo, hi));
            }
        }

        return merged;
    }

    private static List<(int Lo, int Hi)> Complement(List<(int Lo, int Hi)> members)
    {
        var complement = new List<(int Lo, int Hi)>();
        var next = FirstAstral;
        foreach (var (lo, hi) in members)
        {
            if (lo > next)
            {
                complement.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= LastCodePoint)
        {
            complement.Add((next, LastCodePoint));
        }

        return complement;
    }

    /// <summary>
    /// The code point ranges outside the BMP as alternatives of UTF-16 pairs, a class of high units
    /// then a class of low units: high units with the same low units share one alternative, so
    /// \p{L}'s hundreds of ranges are a few dozen alternatives (the non-backtracking engine's
    /// automaton grows with alternatives, not with the ranges inside a class).
    /// </summary>
    private static string Utf16Pairs(List<(int Lo, int Hi)> astral)
    {
        var lowsByHigh = new SortedDictionary<int, StringBuilder>();
        foreach (var (lo, hi) in astral)
        {
            var (loHigh, loLow) = Units(lo);
            var (hiHigh, hiLow) = Units(hi);
            for (var high = loHigh; high <= hiHigh; high++)
            {
                if (!lowsByHigh.TryGetValue(high, out var lows))
                {
                    lowsByHigh[high] = lows = new StringBuilder();
                }

                AppendBmpRange(lows, high == loHigh ? loLow : 0xDC00, high == hiHigh ? hiLow : 0xDFFF);
            }
        }

        var highsByLows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (high, lows) in lowsByHigh)
        {
            var key = lows.ToString();
            if (!highsByLows.TryGetValue(key, out var highs))
            {
                highsByLows[key] = highs = [];
                order.Add(key);
            }

            highs.Add(high);
        }

        var alternatives = new List<string>();
        foreach (var lows in order)
        {
            var highClass = new StringBuilder();
            var highs = highsByLows[lows];
            for (var k = 0; k < highs.Count;)
            {
                var end = k;
                while (end + 1 < highs.Count && highs[end + 1] == highs[end] + 1)
                {
                    end++;
                }

                AppendBmpRange(highClass, highs[k], highs[end]);
                k = end + 1;
            }

            alternatives.Add("[" + highClass + "][" + lows + "]");
        }

        return string.Join('|', alternatives);
    }

    private static (int High, int Low) Units(int codePoint) =>
        (0xD800 + ((codePoint - FirstAstral) >> 10), 0xDC00 + ((codePoint - FirstAstral) & 0x3FF));

    private static string Hex(int unit) => unit.ToString("X4", CultureInfo.InvariantCulture);
}
