using System.Text.RegularExpressions;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Library/69-regex-case-table.zl holds the interpreter's case equivalence for (?i) matching:
/// what .NET's non-backtracking engine, culture-invariant, matches a non-ASCII BMP character with
/// (docs/design/regex.md). It is not the case mapping (ß and ẞ are equivalent, ſ and s are not),
/// so it is read off the regex engine itself. Candidates are the characters with a case mapping
/// and their images; a scan of every BMP character against every other (one pattern per
/// character over a 63,000-character text, ~15 s) found the same 2,294 characters, so the
/// candidates miss nothing. A .NET update that changes the relation fails here with the table.
/// </summary>
public sealed class RegexCaseTableTests
{
    [Theory]
    [InlineData("%re-fold-below-1", false, 0)]
    [InlineData("%re-fold-below-2", false, 1)]
    [InlineData("%re-fold-above-1", true, 0)]
    [InlineData("%re-fold-above-2", true, 1)]
    public void The_library_table_is_the_interpreters_case_equivalence(string name, bool above, int layer)
    {
        using var stream = typeof(NativeCompiler).Assembly.GetManifestResourceStream("Zylisp.Compiler.Native.Library.69-regex-case-table.zl")!;
        var text = new StreamReader(stream).ReadToEnd();
        var table = Regex.Match(text, "\\(def " + Regex.Escape(name) + " \"([0-9a-f]*)\"\\)").Groups[1].Value;

        var expected = Ranges(Equivalents(), above, layer);
        Assert.True(expected == table, $"regenerate {name} in Library/69-regex-case-table.zl as:\n{expected}");
    }

    [Fact]
    public void No_character_has_more_than_two_equivalents() =>
        Assert.True(Equivalents().All(e => e.Others.Count <= 2));

    /// <summary>Each non-ASCII BMP character with case equivalents, and those (ascending).</summary>
    private static List<(int CodePoint, List<int> Others)> Equivalents()
    {
        var candidates = new SortedSet<int>();
        for (var c = 0; c < 0x10000; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var s = ((char)c).ToString();
            var upper = s.ToUpperInvariant();
            var lower = s.ToLowerInvariant();
            if (upper != s || lower != s)
            {
                candidates.Add(c);
                candidates.UnionWith(upper.Concat(lower).Select(ch => (int)ch).Where(ch => ch is < 0xD800 or > 0xDFFF));
            }
        }

        var haystack = string.Concat(candidates.Select(c => (char)c));
        const RegexOptions options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        var result = new List<(int, List<int>)>();
        foreach (var c in candidates.Where(c => c >= 128))
        {
            var others = new Regex("(?i)" + Regex.Escape(((char)c).ToString()), options).Matches(haystack)
                .Select(m => (int)m.Value[0]).Where(t => t != c).Order().ToList();
            if (others.Count > 0)
            {
                result.Add((c, others));
            }
        }

        return result;
    }

    /// <summary>
    /// A layer maps each character to its k-th equivalent above it (or below it), as %case-map's
    /// records (Library/30-strings.zl): 19 hex digits, first and last code point, stride (1 or 2),
    /// delta + 0x800000. Splitting by direction keeps a layer's records apart (%case-map's binary
    /// search needs that) and lets the alternating upper/lower pairs of Latin Extended and Cyrillic
    /// share one stride-2 record.
    /// </summary>
    private static string Ranges(List<(int CodePoint, List<int> Others)> equivalents, bool above, int layer)
    {
        var mappings = equivalents
            .Select(e => (e.CodePoint, Others: e.Others.Where(o => above ? o > e.CodePoint : o < e.CodePoint).ToList()))
            .Where(e => e.Others.Count > layer)
            .Select(e => (e.CodePoint, Delta: e.Others[layer] - e.CodePoint)).ToList();
        return CaseRangeRecords.Encode(mappings);
    }
}
