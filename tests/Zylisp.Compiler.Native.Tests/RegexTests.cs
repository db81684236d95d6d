using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The native engine's regular expressions (Library/70-regex.zl, a backtracking matcher in
/// Zylisp) against the interpreter's (.NET's Regex over the RE2 dialect, docs/design/regex.md).
/// </summary>
public sealed class RegexTests
{
    [NativeFact]
    public void Patterns_find_match_and_split_like_the_interpreter()
    {
        const string source = """
            (prn (re-pattern "\\d+") (str (re-pattern "a\"b")) (type (re-pattern "x")) (re-pattern "a|b"))
            (prn (re-find (re-pattern "(\\w+)@(\\w+)\\.com") "mail bob@example.com now") (re-find (re-pattern "z") "abc"))
            (prn (re-matches (re-pattern "\\d+") "123") (re-matches (re-pattern "\\d+") "123a") (re-matches (re-pattern "(a)(b)?") "a"))
            (prn (re-seq (re-pattern "\\d+") "a1b22c333") (re-seq (re-pattern "(\\w)(\\d)") "a1 b2") (re-seq (re-pattern "a*") "baaa"))
            (let [m (re-matcher (re-pattern "(\\d)(\\d)") "12 34")] (prn (re-find m) (re-groups m) (re-find m) (re-find m)))
            (prn (split "a1b22c" (re-pattern "\\d+")) (split "a, b,c ,d" (re-pattern "\\s*,\\s*")) (split "abc" (re-pattern "")))
            (prn (re-find (re-pattern "(a|ab)(c|bcd)(d*)") "abcd") (re-find (re-pattern "(a*)*b") "aaab") (re-find (re-pattern "x*?y+?") "xxyy"))
            (prn (re-find (re-pattern "^\\w+$") "one\n") (re-find (re-pattern "\\bfoo\\b") "a foo b") (re-find (re-pattern "[a-c-]+") "x-abz"))
            (prn (try (re-pattern "(a") (catch e (ex-message e))))
            """;
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);
    }

    [NativeFact]
    public void Literals_replace_and_print_like_the_interpreter()
    {
        const string source = """
            (prn #"\d+" (str #"a\"b") (type #"x") [#"a|b"] (re-find #"(\w+)@(\w+)\.com" "mail bob@example.com now"))
            (prn (replace "a1b22" #"\d" "#") (replace "john smith" #"(\w+) (\w+)" "$2, $1") (replace "a1b2" #"\d" (fn [d] (str "<" d ">"))))
            (prn (replace "x-y" #"(-)" (fn [[all g]] (str "[" g "]"))) (replace "cost 5" #"\d" "\\$$0"))
            (prn (try (replace "a" #"a" "$2") (catch e (ex-message e))))
            (prn (= #"a" #"a") (= (re-pattern "a") #"a") (= #"a" #"b") (= #"a" "a") (get {#"x" 1} (re-pattern "x")))
            (defn words [s] (re-seq #"[a-z]+" s))
            (prn (words "ab cd") (words "x"))
            """;
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);
    }

    [NativeFact]
    public void Flags_classes_and_escapes_of_the_whole_dialect_match_like_the_interpreter()
    {
        const string source = """
            (def K (from-char-code 8490))
            (prn (re-find #"(?i)\p{Lu}" "a") (re-find #"(?i)\W" K) (re-find #"(?i)[^\w]" K) (re-find #"(?i)\W" "k") (re-find #"(?i)[^j-l]" K))
            (prn (re-find #"(?i:a)b" "AB") (re-find #"(?i:a)b" "Ab") (re-find #"a(?i)b|c" "C") (re-find #"(a(?i)b)c" "aBC") (re-find #"(?i)\P{Ll}" "a"))
            (prn (re-find #"(?m)^$" "a\n") (re-seq #"(?m)^" "a\nb\n") (re-seq #"(?m)$" "a\nb\n") (re-find #"(?s)." "\n") (re-find #"(?is)A.B" "a\nb"))
            (prn (re-find #"\p{L}+" "abc1") (re-find #"\pL" "1a") (re-find #"[\p{Lu}\d]+" "aB1c") (re-seq #"\p{P}+|\p{S}+" "a+b.c$d(e)"))
            (prn (re-find #"\x41\x{42}" "zAB") (re-find #"\Qa.b\E" "axb a.b") (re-find #"[[:digit:]]+" "x42") (re-find #"(?P<x>a)(?<y>b)" "ab") (re-find #"\Aab\z" "ab"))
            (prn (re-find #"a{,2}" "a{,2}") (re-find #"[]a]+" "]a]") (re-find #"[\W\d]+" "a1 !b") (re-find #"(?i)(?-i:a)b" "AB"))
            (prn (re-find #"(a*)*" "aaab") (re-find #"(|a){2}b" "ab") (re-find #"(a?){2,4}b" "aab") (re-find #"(a*?)*b" "aab") (re-find #"((a*)*)*" "aa"))
            (prn (re-seq #"(a|)*?b" "aab b") (re-find #"(?:(a)|(b))+" "ab") (re-find #"(a+|b+)*" "aabba"))
            """;
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);
    }

    /// <summary>
    /// Patterns that make a backtracking matcher take exponential time finish: the native matcher
    /// is a Pike VM, linear in the text. At 10^5 characters backtracking would not end in hours,
    /// so the test would time out rather than pass; no timing is asserted.
    /// </summary>
    [NativeFact]
    public void Hostile_patterns_on_long_texts_finish()
    {
        const string source = """
            (def s (apply str (repeat 100000 "a")))
            (prn (re-find #"(a*)*b" s) (re-find (re-pattern "(a|a)*b") s) (re-matches #"(a|aa)+b" s))
            (prn (count (first (re-find #"(a?){30}a{30}" (subs s 0 30000)))) (count (re-seq #"(x+x+)+y|a" (subs s 0 10000))))
            """;
        var outcome = NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue);
        Assert.Equal("nil nil nil\n60 10000\n", outcome.Stdout);
    }

    /// <summary>
    /// (?i) with non-ASCII characters uses the interpreter's case equivalence (Library/69-regex-case-table.zl):
    /// ß and ẞ are equivalent, ſ and s are not, σ ς Σ are one class, and classes are closed under it.
    /// </summary>
    [NativeFact]
    public void Case_insensitive_non_ascii_matches_like_the_interpreter()
    {
        const string source = """
            (prn (re-find #"(?i)é" "É") (re-find #"(?i)ß" "ẞ") (re-find #"(?i)σ+" "ΣσςΣ") (re-find #"(?i)[à-ö]+" "ÀÉÎõ÷") (re-find #"(?i)[^é]" "É"))
            (prn (re-find #"(?i)\x{e9}" "É") (re-find #"(?i)ſ" "sS") (re-find #"(?i)k" "\u212A") (re-find #"(?i)ǅ+" "ǄǅǆĀ") (re-find #"(?i)θ+" "Θϑϴθ"))
            (prn (re-find #"(?i)straße" "STRASSE") (re-find #"(?i)ÿ" "Ÿ") (re-find #"(?i)[Ѐ-Џ]+" "ѐёђ") (re-find #"(?i:я)Я" "ЯЯ") (re-find #"(?i)ı" "Iiİı"))
            (prn (re-seq (re-pattern "(?i)[а-я]+") "Привет МИР") (re-find (re-pattern "(?i)Ω") "Ωω\u2126"))
            """;
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);
    }

    /// <summary>\b and \B use the interpreter's word characters: \p{L} \p{Mn} \p{Nd} \p{Pc} and the joiners, in the BMP.</summary>
    [NativeFact]
    public void Word_boundaries_next_to_non_ascii_letters_match_like_the_interpreter()
    {
        const string source = """
            (prn (re-seq #"\b\w+\b" "café naïve x") (re-find #"\bété\b" "un été chaud") (re-find #"a\b" "aé") (re-find #"a\B" "aé") (re-seq #"\b" "é"))
            (prn (re-find #"\b٣" "x٣") (re-find #"\b٣" " ٣") (re-find #"x\b" "x\u0301") (re-find #"x\b" "x\u200D") (re-find #"x\b" "x\u00A0") (re-find #"x\b" "x‿"))
            (prn (re-seq #"\B" "日本") (re-find #"\bΣ\b" "ΣΑ Σ") (re-find #"\b" "😀") (re-find #"x\b" "x𝐀") (re-seq #"\b[^ ]+" "漢字 かな"))
            """;
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);
    }

    /// <summary>\p{…} on any code point, through the general category table the compiler embeds.</summary>
    [NativeFact]
    public void General_categories_of_non_ascii_text_match_like_the_interpreter()
    {
        const string source = """
            (defn cs [& cps] (apply str (map from-char-code cps)))
            (prn (re-find #"\p{C}" (cs 888)) (re-find #"\p{L}+" (cs 233 1633)) (re-find #"\p{Nd}" (cs 1635)) (re-find #"\P{L}+" (cs 233 1633 1634 97)))
            (prn (re-seq #"\p{Lu}|\p{Ll}|\p{Lt}|\p{Lo}|\p{Mn}|\p{Sm}|\p{So}|\p{Zs}|\p{Sc}|\p{Pi}|\p{Pf}" (cs 201 233 453 1488 769 8730 9731 12288 8364 171 187 8544)))
            (prn (re-find #"(?i)\p{Lu}+" (cs 233 201 97)) (re-find #"[\p{Nl}\p{No}]+" (cs 8544 178 189)) (re-find #"\p{Cf}" (cs 97 8203)) (re-find #"\d+" (cs 1635 51)))
            """;
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);
    }

    /// <summary>
    /// True when .NET's backtracking engine captures what the interpreter's non-backtracking one
    /// does. Not always so: with a lazy repeat inside a repeated group the non-backtracking engine
    /// can report another iteration's capture (e.g. ( *(\w+\W*?|\W^)*\w+) on " _ 111" gives
    /// "1" where backtracking, RE2 and Go give "_"). The native matcher backtracks, so such cases
    /// are left out here; docs/design/regex.md records the difference.
    /// </summary>
    private static bool BacktrackingAgrees(string pattern, string text)
    {
        var dotnet = Zylisp.Lang.Runtime.Regex.Re2Syntax.Translate(pattern).DotNet!;
        static string Captures(System.Text.RegularExpressions.Regex re, string text) =>
            string.Join(";", re.Matches(text).Select(m => string.Join(",", m.Groups.Cast<System.Text.RegularExpressions.Group>().Select(g => g.Success ? g.Index + ":" + g.Value : "-"))));
        var options = System.Text.RegularExpressions.RegexOptions.CultureInvariant;
        var nonBacktracking = options | System.Text.RegularExpressions.RegexOptions.NonBacktracking;
        var whole = "\\A(?:" + dotnet + ")\\z";
        return Captures(new(dotnet, options), text) == Captures(new(dotnet, nonBacktracking), text)
            && Captures(new(whole, options), text) == Captures(new(whole, nonBacktracking), text);
    }

    /// <summary>
    /// Random patterns of the dialect (literals, ., classes and their negations, \d \w \s, \p, flags,
    /// anchors, \b, capturing and non-capturing groups, alternation, greedy and lazy repeats, non-ASCII
    /// and astral characters under (?i) or not) on random strings with accented, Greek and astral
    /// characters: re-find, re-matches and re-seq print what the interpreter prints.
    /// </summary>
    [NativeFact]
    public void Random_patterns_give_the_interpreters_matches()
    {
        var atom = Gen.Elements("a", "b", "B", ".", "[ab]", "[^a]", "[a-c]", "\\d", "\\w", "\\s", "\\W", " ", "1", "\\n", "\\pL", "\\P{Lu}", "[[:upper:]]", "\\x41",
            "é", "Σ", "[à-ö]", "😀", "[^😀]", "\\p{So}", "[😀-😂]", "\\p{Ll}");
        var flags = Gen.Elements("(?i)", "(?s)", "(?m)", "(?-i)", "(?im)");
        var anchor = Gen.Elements("^", "$", "\\b", "\\B", "\\A", "\\z");
        var quantifier = Gen.Elements("", "", "", "*", "+", "?", "*?", "+?", "??", "{1,2}", "{2}", "{0,1}?", "{1,}");
        var piece = Gen.Zip(atom, quantifier).Select(p => p.Item1 + p.Item2);
        var sequence = Gen.OneOf(piece, piece, piece, anchor, flags).ArrayOf().Select(ps => string.Concat(ps.Take(4)));
        var body = Gen.Zip(Gen.Zip(sequence, sequence), Gen.Elements(true, false)).Select(b => b.Item1.Item1 + (b.Item2 ? "|" + b.Item1.Item2 : ""));
        var group = Gen.Zip(Gen.Zip(Gen.Elements("(", "(?:", "(?i:", "(?P<n>"), body), quantifier).Select(g => g.Item1.Item1 + g.Item1.Item2 + ")" + g.Item2);
        var nested = Gen.Zip(Gen.Zip(Gen.Elements("(", "(?:"), Gen.Zip(group, sequence)), quantifier).Select(g => g.Item1.Item1 + g.Item1.Item2.Item1 + g.Item1.Item2.Item2 + ")" + g.Item2);
        var pattern = Gen.Zip(Gen.Zip(sequence, Gen.OneOf(group, sequence, nested)), sequence).Select(p => p.Item1.Item1 + p.Item1.Item2 + p.Item2);
        var text = Gen.Elements("a", "b", "c", "A", "B", "1", " ", "_", "\n", "é", "É", "σ", "ς", "😀", "😁", "𝐀", "𝐚", "\u0301")
            .ArrayOf().Select(cs => string.Concat(cs.Take(8)));
        var cases = Gen.Zip(pattern, text).ArrayOf(25);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(6), Prop.ForAll(cases.ToArbitrary(), batch =>
        {
            var source = new StringBuilder();
            foreach (var (p, s) in batch.Where(c => BacktrackingAgrees(c.Item1, c.Item2)))
            {
                var re = $"(re-pattern \"{p.Replace("\\", "\\\\", StringComparison.Ordinal)}\")";
                source.Append(System.Globalization.CultureInfo.InvariantCulture, $"(prn (re-find {re} \"{s}\") (re-matches {re} \"{s}\") (re-seq {re} \"{s}\"))\n");
            }

            var expected = NativeLibraryTests.Interpreted(source.ToString());
            var actual = NativeRunner.CompileAndRun(source.ToString(), "<expr>", ExitRule.LastValue).Stdout;
            return expected == actual ? true : throw new InvalidOperationException("differs for\n" + source + "\ninterpreter:\n" + expected + "\nnative:\n" + actual);
        }));
    }
}
