using System.Text;
using System.Text.RegularExpressions;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Runtime.Regex;

/// <summary>
/// A compiled pattern of Zylisp's regex dialect (<c>#"..."</c>, <c>re-pattern</c>): the source as
/// written (what it prints as), the .NET non-backtracking regex that matches it in linear time,
/// and the pattern the Go backend compiles. Two patterns with the same source are equal (Clojure
/// compares identity; equal source is what code that reads a file twice, the formatter's check
/// for one, needs).
/// </summary>
public sealed class RegexValue : IZylispPrintable
{
    private RegexValue(string source, string goPattern, string dotNet, System.Text.RegularExpressions.Regex regex, System.Text.RegularExpressions.Regex whole)
    {
        Source = source;
        GoPattern = goPattern;
        bmp = (regex, whole);
        astral = new Lazy<(System.Text.RegularExpressions.Regex, System.Text.RegularExpressions.Regex)?>(() => Build(dotNet));
    }

    public string Source { get; }

    /// <summary>The pattern as the Go runtime compiles it (RE2 syntax, named groups unnamed).</summary>
    public string GoPattern { get; }

    /// <summary>The regex and its anchored form (re-matches) for text with no character outside the BMP.</summary>
    private readonly (System.Text.RegularExpressions.Regex Regex, System.Text.RegularExpressions.Regex Whole) bmp;

    /// <summary>The same with the surrogate-pair alternatives, built when some text first needs them (null when too large).</summary>
    private readonly Lazy<(System.Text.RegularExpressions.Regex Regex, System.Text.RegularExpressions.Regex Whole)?> astral;

    /// <summary>The regex that matches <paramref name="input"/>.</summary>
    internal System.Text.RegularExpressions.Regex RegexFor(string input) => For(input).Regex;

    /// <summary>The same pattern anchored at both ends (re-matches), for <paramref name="input"/>.</summary>
    internal System.Text.RegularExpressions.Regex WholeFor(string input) => For(input).Whole;

    private (System.Text.RegularExpressions.Regex Regex, System.Text.RegularExpressions.Regex Whole) For(string input) =>
        input.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0
            ? bmp
            : astral.Value ?? throw RuntimeErrors.BadArgument("re-find", $"the pattern #\"{Source}\" is too large to match in linear time on text with characters outside the BMP");

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>
    /// The regex and its anchored form. Both are built now: the non-backtracking engine checks its
    /// automaton's size when it builds it, and that failure belongs to the pattern, not to a later
    /// match. Null when the automaton would be too large.
    /// </summary>
    private static (System.Text.RegularExpressions.Regex, System.Text.RegularExpressions.Regex)? Build(string dotNet)
    {
        try
        {
            var regex = new System.Text.RegularExpressions.Regex(dotNet, Options);
            var whole = new System.Text.RegularExpressions.Regex("\\A(?:" + dotNet + ")\\z", Options);
            _ = regex.Match(string.Empty);
            _ = whole.Match(string.Empty);
            return (regex, whole);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Compiles <paramref name="source"/>, or gives the error and its offset in the pattern.</summary>
    public static RegexValue? TryCreate(string source, out string? error, out int errorOffset)
    {
        var translated = Re2Syntax.Translate(source);
        if (!translated.Ok)
        {
            error = translated.Error;
            errorOffset = translated.ErrorOffset;
            return null;
        }

        try
        {
            if (Build(translated.DotNetBmp!) is not var (regex, whole))
            {
                error = "the pattern is too large to match in linear time (repeat counts multiply)";
                errorOffset = 0;
                return null;
            }

            error = null;
            errorOffset = 0;
            return new RegexValue(source, translated.Go!, translated.DotNet!, regex, whole);
        }
        catch (RegexParseException e)
        {
            error = e.Error switch
            {
                RegexParseError.InsufficientClosingParentheses => "missing ) to close a group",
                RegexParseError.InsufficientOpeningParentheses => "unmatched )",
                RegexParseError.QuantifierAfterNothing => "a quantifier (* + ? {n}) must follow something to repeat",
                RegexParseError.NestedQuantifiersNotParenthesized => "a quantifier cannot follow another quantifier",
                RegexParseError.ReversedCharacterRange => "a character range is reversed (its end comes before its start)",
                RegexParseError.ReversedQuantifierRange => "a repeat range {n,m} has m less than n",
                _ => "invalid pattern (" + e.Error + ")",
            };
            errorOffset = Math.Clamp(e.Offset - 1, 0, source.Length);
            return null;
        }
    }

    public void Print(StringBuilder sb, bool readably)
    {
        if (readably)
        {
            // A literal's source already writes its quotes as \"; one from re-pattern may have bare ones.
            sb.Append("#\"");
            for (int i = 0; i < Source.Length; i++)
            {
                if (Source[i] == '"' && (i == 0 || Source[i - 1] != '\\'))
                {
                    sb.Append('\\');
                }

                sb.Append(Source[i]);
            }

            sb.Append('"');
        }
        else
        {
            sb.Append(Source);
        }
    }

    public override string ToString() => "#\"" + Source + "\"";

    public override bool Equals(object? obj) => obj is RegexValue other && string.Equals(Source, other.Source, StringComparison.Ordinal);

    public override int GetHashCode() => Data.StableHash.Utf8(Source);

    /// <summary>
    /// The successive matches in <paramref name="input"/>, by Go's rule (which the Go backend
    /// uses as is): after an empty match the search moves on one code point, and an empty match
    /// right where the previous match ended is skipped.
    /// </summary>
    internal IEnumerable<Match> Matches(string input)
    {
        int pos = 0;
        int previousEnd = -1;
        var regex = RegexFor(input);
        while (pos <= input.Length)
        {
            var m = regex.Match(input, pos);
            while (m.Success && InsideSurrogatePair(input, m.Index))
            {
                m = regex.Match(input, m.Index + 1);
            }

            if (!m.Success)
            {
                yield break;
            }

            int end = m.Index + m.Length;
            bool accept = true;
            if (end == pos)
            {
                accept = m.Index != previousEnd;
                pos += pos < input.Length && char.IsHighSurrogate(input[pos]) && pos + 1 < input.Length && char.IsLowSurrogate(input[pos + 1]) ? 2 : 1;
            }
            else
            {
                pos = end;
            }

            previousEnd = end;
            if (accept)
            {
                yield return m;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="index"/> falls between the two halves of a character outside the
    /// BMP. .NET scans UTF-16 units, so a zero-width pattern (\B, an empty group) can match there;
    /// in the dialect every position is between code points, so such a match is not one.
    /// </summary>
    private static bool InsideSurrogatePair(string input, int index) =>
        index > 0 && index < input.Length && char.IsHighSurrogate(input[index - 1]) && char.IsLowSurrogate(input[index]);

    /// <summary>What re-find gives for a match: the matched text, or [whole group1 ...] when the pattern has groups (nil for a group that did not take part).</summary>
    internal static object? Groups(Match m)
    {
        if (m.Groups.Count == 1)
        {
            return m.Value;
        }

        var items = new object?[m.Groups.Count];
        for (int g = 0; g < items.Length; g++)
        {
            items[g] = m.Groups[g].Success ? m.Groups[g].Value : null;
        }

        return PersistentVector.Create(items);
    }
}

/// <summary>(re-matcher re s): walks the matches of re in s; re-find advances it, re-groups reads its last match.</summary>
public sealed class RegexMatcher : IZylispPrintable
{
    private readonly IEnumerator<Match> matches;
    private Match? last;

    internal RegexMatcher(RegexValue regex, string input)
    {
        Pattern = regex;
        matches = regex.Matches(input).GetEnumerator();
    }

    public RegexValue Pattern { get; }

    /// <summary>The next match, or null when there are no more.</summary>
    internal Match? Next()
    {
        last = matches.MoveNext() ? matches.Current : null;
        return last;
    }

    internal Match? Last => last;

    public void Print(StringBuilder sb, bool readably) => sb.Append("#<matcher ").Append(Printer.PrStr(Pattern)).Append('>');
}
