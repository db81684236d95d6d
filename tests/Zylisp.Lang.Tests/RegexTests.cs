using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime.Regex;

namespace Zylisp.Lang.Tests;

/// <summary>Regular expressions (issue 13): the RE2 dialect at read time, matching, split and replace.</summary>
public class RegexTests
{
    private readonly LangTestHost host = new();

    /// <summary>Found by ReaderPropertyTests: a backslash as the last character of an unterminated pattern read past the end.</summary>
    [Theory]
    [InlineData("#\"abc\\")]
    [InlineData("#\"\\")]
    public void A_pattern_cut_off_after_a_backslash_is_unterminated(string text)
    {
        var read = Zylisp.Lang.Syntax.Reader.ReadAll(text, "t.zl", new Zylisp.Lang.Syntax.ReaderOptions());
        Assert.Contains(read.Diagnostics, d => d.Id == Diagnostics.DiagnosticIds.UnterminatedString);
        Assert.True(read.EndedInsideForm);
    }

    [Theory]
    [InlineData("(re-find #\"\\d+\" \"ab 12 c\")", "\"12\"")]
    [InlineData("(re-find #\"(\\w)(\\d)?\" \"a\")", "[\"a\" \"a\" nil]")]
    [InlineData("(re-matches #\"a|ab\" \"ab\")", "\"ab\"")]
    [InlineData("(re-matches #\"\\d\" \"12\")", "nil")]
    [InlineData("(re-seq #\"\\d\" \"a1b2\")", "(\"1\" \"2\")")]
    [InlineData("(re-seq #\"a*\" \"baaa\")", "(\"\" \"aaa\")")]
    [InlineData("(re-find #\"\\d\" \"\\u0663\")", "nil")]
    [InlineData("(re-find #\"^a$\" \"a\\n\")", "nil")]
    [InlineData("(re-find #\"(?<y>\\d+)-(\\d+)\" \"1-2\")", "[\"1-2\" \"1\" \"2\"]")]
    [InlineData("(split \"a1b22c\" #\"\\d+\")", "[\"a\" \"b\" \"c\"]")]
    [InlineData("(split \"abc\" #\"\")", "[\"a\" \"b\" \"c\"]")]
    [InlineData("(replace \"john smith\" #\"(\\w+) (\\w+)\" \"$2 $1\")", "\"smith john\"")]
    [InlineData("(replace \"a1\" #\"\\d\" (fn [d] (str d d)))", "\"a11\"")]
    [InlineData("(let [m (re-matcher #\"\\d\" \"12\")] [(re-find m) (re-groups m) (re-find m) (re-find m)])", "[\"1\" \"1\" \"2\" nil]")]
    [InlineData("#\"a\\\"b\"", "#\"a\\\"b\"")]
    [InlineData("(str #\"a+\")", "\"a+\"")]
    public void Patterns_match_as_RE2_does(string source, string printed) =>
        Assert.Equal(printed, host.Show(source));

    /// <summary>
    /// Atoms match whole code points, as in Go and natively: .NET reads UTF-16 units, so the rewrite
    /// spells classes as BMP classes without surrogates or'ed with surrogate pairs (CodePointClass).
    /// </summary>
    [Theory]
    [InlineData("(re-seq #\".\" \"a😀\")", "(\"a\" \"😀\")")]
    [InlineData("(re-find #\"..\" \"😀\")", "nil")]
    [InlineData("(re-find #\"[^a]\" \"😀\")", "\"😀\"")]
    [InlineData("(re-find #\"\\W\\D\\S\" \"😀😀😀\")", "\"😀😀😀\"")]
    [InlineData("(re-find #\"\\p{So}\" \"x😀\")", "\"😀\"")]
    [InlineData("(re-find #\"\\P{L}\" \"𝐀😀\")", "\"😀\"")]
    [InlineData("(re-find #\"[😀-😂]+\" \"😁😂😃\")", "\"😁😂\"")]
    [InlineData("(re-find #\"[^😀]\" \"😀😁\")", "\"😁\"")]
    [InlineData("(re-find #\"😀+\" \"😀😀\")", "\"😀😀\"")]
    [InlineData("(re-find #\"\\x{1F600}{2}\" \"😀😀😀\")", "\"😀😀\"")]
    [InlineData("(re-find #\"\\Q😀\\E+\" \"😀😀\")", "\"😀😀\"")]
    [InlineData("(re-find #\"(?s:.).\" \"\\n😀\")", "\"\\n😀\"")]
    [InlineData("(re-find #\"(?s:.).\" \"\\n\\n\")", "nil")]
    [InlineData("(re-find #\"(a(?s)).\" \"a\\n\")", "nil")]
    [InlineData("(re-find #\"(?i)\\W\" \"k\")", "\"k\"")]
    [InlineData("(re-find #\"(?i)[^\\w]\" \"k\")", "nil")]
    [InlineData("(re-find #\"[a-]+\" \"-a\")", "\"-a\"")]
    [InlineData("(re-find #\"(?i)\\p{Lu}\" \"a𝐚\")", "\"a\"")]
    [InlineData("(re-find #\"(?i)\\p{Lu}\" \"𝐚\")", "\"𝐚\"")]
    [InlineData("(re-find #\"\\p{Lu}\" \"𝐚\")", "nil")]
    public void Atoms_match_whole_code_points(string source, string printed) =>
        Assert.Equal(printed, host.Show(source));

    /// <summary>
    /// \pL{1000} fits the non-backtracking engine's limit without its surrogate-pair alternatives,
    /// which are built only for text that needs them: BMP text matches, astral text is an error.
    /// </summary>
    [Fact]
    public void A_pattern_too_large_with_its_astral_alternatives_fails_only_on_astral_text()
    {
        Assert.Equal("true", host.Show("(boolean (re-find #\"\\pL{1000}\" (apply str (repeat 1000 \"é\"))))"));
        Assert.Contains(
            "outside the BMP",
            host.Show("(try (re-find #\"\\pL{1000}\" \"😀\") (catch e (ex-message e)))"),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[b-a]")]
    [InlineData("[a-\\d]")]
    [InlineData("[[:foo:]]")]
    [InlineData("[\\b]")]
    public void Malformed_classes_are_rejected(string pattern) =>
        Assert.False(Re2Syntax.Translate(pattern).Ok, pattern);

    [Theory]
    [InlineData("a(?=b)")]
    [InlineData("a(?!b)")]
    [InlineData("(?<=a)b")]
    [InlineData("(a)\\1")]
    [InlineData("a*+")]
    [InlineData("(?>a)")]
    [InlineData("[a-z-[aeiou]]")]
    [InlineData("\\u0041")]
    [InlineData("(?x)a")]
    [InlineData("a{1001}")]
    [InlineData("(a")]
    [InlineData("a)")]
    [InlineData("[a")]
    [InlineData("\\")]
    public void Syntax_outside_the_dialect_is_rejected(string pattern) =>
        Assert.False(Re2Syntax.Translate(pattern).Ok && RegexValue.TryCreate(pattern, out _, out _) is not null, pattern);

    [Fact]
    public void A_bad_literal_is_a_located_read_error()
    {
        var d = host.Fails("(re-find #\"ab(?=c)\" \"abc\")", DiagnosticIds.InvalidRegex);
        Assert.Equal(1, d.Span!.Line);
        Assert.Equal(14, d.Span.Column);
    }

    [Fact]
    public void A_bad_pattern_at_run_time_is_a_bad_argument() =>
        host.Fails("(re-pattern \"(?=x)\")", DiagnosticIds.BadArgument);

    [Fact]
    public void A_hostile_pattern_on_a_long_input_matches_in_linear_time()
    {
        // (a?){n}a{n} against a^n takes exponential time with backtracking; here it is one pass.
        host.Engine.SetGlobal("%s", new string('a', 60));
        Assert.Equal("true", host.Show("(= %s (first (re-matches (re-pattern \"(a?){30}(a?){30}a{30}a{30}\") %s)))"));
        host.Fails("(re-pattern \"((a?){1000}){1000}\")", DiagnosticIds.BadArgument);
        Assert.Equal("nil", host.Show("(re-find #\"(x+x+)+y\" (apply str (repeat 5000 \"x\")))"));
    }
}
