using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang;
using Zylisp.Lang.Printing;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Issue 12: random strings mixing ASCII, two- and three-byte characters, astral characters
/// (emoji, Deseret), white space beyond ASCII and case-mapping oddities, put through the core
/// string functions by the interpreter, the oracle, and by native code in-process: the printed
/// results, or the error's :type, must be identical (docs/design/native-strings.md).
/// </summary>
public sealed class UnicodeStringDifferentialTests
{
    // Lone surrogates are left out: see docs/design/native-strings.md, "Left".
    private static readonly string[] Characters =
    [
        "a", "Z", "x", " ", "\t", "\n", "-", "\"", "\\", "\u0001", "é", "ñ", "ß", "İ", "ı", "ſ", "Σ", "ς", "ǅ", "Ǆ", "ǆ",
        "日", "本", "\u00a0", "\u2003", "\u3000", "\u0085", "\uff21", "\ue000", "😀", "🎉", "𐐨", "𐐀", "Ω", "ᾳ", "ﬀ",
    ];

    private static readonly string[] OneString =
    [
        "(count {0})", "(seq {0})", "(reverse {0})", "(vec {0})", "(first {0})", "(rest {0})", "(upper-case {0})",
        "(lower-case {0})", "(trim {0})", "(triml {0})", "(trimr {0})", "(capitalize {0})", "(map char-code {0})",
        "(pr-str {0})", "(str {0} \"|\")", "(split {0} \"\")", "(blank? {0})", "(char-code {0})", "(frequencies {0})",
        "(apply str (reverse {0}))", "(into [] {0})", "(last {0})",
    ];

    private static readonly string[] TwoStrings =
    [
        "(index-of {0} {1})", "(includes? {0} {1})", "(starts-with? {0} {1})", "(ends-with? {0} {1})", "(compare {0} {1})",
        "(sort [{0} {1} \"m\"])", "(= {0} {1})", "(split {0} {1})", "(replace {0} {1} \"·\")", "(str {0} {1})",
        "(format \"%s/%s\" {0} {1})", "(join \"é\" [{0} {1}])",
    ];

    private static readonly string[] Indexed =
    [
        "(subs {0} {1})", "(subs {0} {1} {2})", "(nth {0} {1})", "(get {0} {1})", "(nth {0} {1} :none)", "(get {0} {2} :none)",
    ];

    [NativeFact]
    public void String_functions_give_the_interpreters_results_on_non_ascii_text()
    {
        var expressions = Expression().ArrayOf(30);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), Prop.ForAll(expressions.ToArbitrary(), batch =>
        {
            var engine = new Engine(new EngineOptions { Out = new StringWriter(), Error = new StringWriter() });
            var checks = new StringBuilder();
            var expected = new List<string>();
            foreach (var expression in batch)
            {
                var guarded = $"(pr-str (try {expression} (catch e (get e :type))))";
                var result = engine.Eval(guarded, "<oracle>");
                var text = result.Success ? (string)result.Value! : "compile error";
                expected.Add(expression + " => " + text);
                checks.Append($"(= {guarded} {Printer.PrStr(text)}) ");
            }

            var source = $"(defn -main [] (loop [cs [{checks}] i 1] (if (empty? cs) 0 (if (first cs) (recur (rest cs) (inc i)) i))))";
            var status = NativeCompiler.RunInProcess(ProgramCollector.Collect(source, "<property>", ExitRule.CallMain).Program!, []);
            return status == 0 ? true : throw new InvalidOperationException("native differs on " + expected[status - 1]);
        }));
    }

    [NativeFact]
    public void Trim_and_case_mapping_cover_every_character_the_interpreter_maps()
    {
        // Every BMP white-space character, and every character whose case the interpreter maps,
        // in a handful of strings: trim and upper-/lower-case must agree character for character.
        var spaces = Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF && char.IsWhiteSpace((char)c)).Select(c => ((char)c).ToString());
        var cased = Enumerable.Range(0x80, 0x10FFFF - 0x80).Where(c => c is < 0xD800 or > 0xDFFF)
            .Select(char.ConvertFromUtf32).Where(s => s.ToUpperInvariant() != s || s.ToLowerInvariant() != s);
        var expressions = spaces.Select(s => $"(count (trim {Printer.PrStr(s + "x" + s)}))")
            .Append("(trim \"\u200b x \ufeff\")")
            .Concat(cased.Chunk(200).SelectMany(chunk => new[] { "upper-case", "lower-case" }.Select(f => $"({f} {Printer.PrStr(string.Concat(chunk))})")));
        var engine = new Engine(new EngineOptions { Out = new StringWriter(), Error = new StringWriter() });
        var checks = new StringBuilder();
        var expected = new List<string>();
        foreach (var expression in expressions)
        {
            var text = (string)engine.Eval($"(pr-str {expression})", "<oracle>").Value!;
            expected.Add(expression + " => " + text);
            checks.Append($"(= (pr-str {expression}) {Printer.PrStr(text)}) ");
        }

        var source = $"(defn -main [] (loop [cs [{checks}] i 1] (if (empty? cs) 0 (if (first cs) (recur (rest cs) (inc i)) i))))";
        var status = NativeCompiler.RunInProcess(ProgramCollector.Collect(source, "<table>", ExitRule.CallMain).Program!, []);
        Assert.True(status == 0, status == 0 ? "" : "native differs on " + expected[status - 1]);
    }

    private static Gen<string> Expression()
    {
        var text = Text(8);
        var part = Gen.Frequency((3, Text(2)), (1, Gen.Constant("\"\"")));
        var index = Gen.Choose(-1, 9).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Gen.Frequency(
            (3, Gen.Elements(OneString).SelectMany(f => text.Select(s => string.Format(f, s)))),
            (3, Gen.Elements(TwoStrings).SelectMany(f => Gen.Zip(text, part).Select(p => string.Format(f, p.Item1, p.Item2)))),
            (2, Gen.Elements(Indexed).SelectMany(f => Gen.Zip(text, Gen.Zip(index, index)).Select(p => string.Format(f, p.Item1, p.Item2.Item1, p.Item2.Item2)))));
    }

    /// <summary>A string literal of up to <paramref name="max"/> characters from <see cref="Characters"/>.</summary>
    private static Gen<string> Text(int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.Elements(Characters).ArrayOf(n)).Select(cs => Printer.PrStr(string.Concat(cs)));
}
