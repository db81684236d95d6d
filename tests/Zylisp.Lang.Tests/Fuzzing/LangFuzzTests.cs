using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests.Fuzzing;

/// <summary>
/// Issue 15, "Keep it closed": fuzz targets for the reader, the expander and analyzer (through
/// the whole engine), and the printer, equality and hashing on deep and cyclic values. Each
/// checks the promise, not an output: nothing throws, no internal error (ZL5013), no raw .NET text.
/// </summary>
public class LangFuzzTests
{
    private static readonly string[] ReaderNoise =
    [
        "(", ")", "[", "]", "{", "}", "#{", "#(", "%", "#_", "#", "##", "##NaN", "\"", "\\", ";", "'", "`", "~", "~@", "@",
        ":", ":k", "/", "a", "x#", "1", "-1", "0x1F", "1e308", "1e999", "9223372036854775808", ".", " ", "\n", ",", "é", "😀", "\\u12", "\ud800",
    ];

    // Core and prelude names (no file system access: slurp, spit and load-file are left out), special forms, and data.
    private static readonly string[] FormWords =
    [
        "(", "(", "(", ")", ")", ")", "[", "]", "{", "}", "#{", "'", "`", "~", "~@", " ", " ", "\n",
        "def", "fn", "let", "loop", "recur", "if", "do", "quote", "try", "catch", "finally", "throw", "defmacro", "defn", "when", "cond",
        "if-let", "doseq", "for", "->", "->>", "and", "or", "case", "letfn", "destructure",
        "+", "-", "*", "/", "mod", "inc", "dec", "=", "<", "compare", "str", "pr-str", "count", "first", "rest", "cons", "conj",
        "assoc", "get", "nth", "map", "filter", "reduce", "sort", "sort-by", "range", "repeat", "take", "drop", "apply", "vec",
        "hash-map", "hash-set", "atom", "reset!", "swap!", "deref", "eval", "macroexpand", "read-string", "subs", "char-code",
        "from-char-code", "ex-info", "ex-message", "format", "split", "join", "keyword", "symbol", "gensym", "merge", "into",
        "x", "y", "f", "_", "&", ":a", ":type-error", "nil", "true", "false", "0", "1", "2", "-1", "7", "9223372036854775807",
        "1.5", "##NaN", "\"s\"", "\"\\ud800\"", "\"%s\"",
    ];

    private static Gen<string> Soup(string[] words) =>
        Gen.ListOf(Gen.Elements(words)).Select(parts => string.Concat(parts));

    /// <summary>Mostly balanced programs (so most inputs get past the reader into the expander, analyzer and interpreter), with some stray tokens.</summary>
    private static Gen<string> Forms(string[] words) =>
        Gen.ArrayOf(Form(words.Where(w => w.Trim().Length > 0 && !"()[]{}#{'`~~@".Contains(w, StringComparison.Ordinal)).ToArray(), 4), 3)
            .Select(forms => string.Join('\n', forms));

    private static Gen<string> Form(string[] atoms, int depth) =>
        depth == 0
            ? Gen.Elements(atoms)
            : Gen.Frequency(
                (3, Gen.Elements(atoms)),
                (4, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Form(atoms, depth - 1), n))
                    .SelectMany(items => Gen.Elements("(", "(", "(", "[", "{", "#{", "'(", "`(", "(fn [x] ").Select(open =>
                        open + string.Join(' ', items) + (open.EndsWith('(') || open.EndsWith(' ') ? ")" : open.EndsWith('[') ? "]" : "}")))));

    [Fact]
    public void Reader_fuzz_never_throws_and_keeps_spans_in_the_text() =>
        FuzzCampaign.Run(Soup(ReaderNoise), FuzzCampaign.Inputs(3_000, weight: 0.985), size: 200, text =>
        {
            var result = Reader.ReadAll(text, "fuzz.zl", new ReaderOptions { MaxDepth = 12 });
            Assert.All(result.Diagnostics, d => Assert.True(d.Span is { } s && s.StartOffset >= 0 && s.EndOffset <= text.Length));
            _ = new DiagnosticFormatter(null).FormatAll(result.Diagnostics);
        });

    [Fact]
    public void Engine_fuzz_gives_no_internal_error_or_raw_host_text()
    {
        var limits = new RuntimeLimits { MaxCallDepth = 200, MaxMacroExpansions = 2_000, MaxExpansionSize = 50_000, MaxFormDepth = 200, MaxMacroNesting = 20 };
        var engine = NewEngine(limits);
        int evaluated = 0;
        FuzzCampaign.Run(Forms(FormWords), FuzzCampaign.Inputs(400, weight: 0.01), size: 40, text =>
        {
            // A fresh engine now and then, so definitions made by earlier inputs do not pile up.
            if (++evaluated % 200 == 0)
            {
                engine = NewEngine(limits);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var result = engine.Eval(text, "fuzz.zl", timeout.Token);
            foreach (var d in result.Diagnostics)
            {
                Assert.NotEqual(DiagnosticIds.HostError, d.Id);
                Assert.DoesNotContain("(Parameter '", d.Message, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"\{\d\}", d.Message);
            }

            if (result.Success)
            {
                _ = Printer.PrStr(result.Value, limits);
            }
        });
    }

    [Fact]
    public void Printer_fuzz_handles_deep_and_cyclic_values() =>
        FuzzCampaign.Run(DeepValues(), FuzzCampaign.Inputs(300, weight: 0.005), size: 30, value =>
        {
            var limits = new RuntimeLimits { MaxPrintDepth = 1_000, MaxPrintLength = 100 };
            _ = Printer.PrStr(value, limits);
            _ = Printer.PrintStr(value, limits);
            _ = Printer.SlispStr(value, limits);
            Assert.True(ValueEquality.AreEqual(value, value));
            _ = ValueEquality.Instance.GetHashCode(value);
        });

    private static Engine NewEngine(RuntimeLimits limits) =>
        new(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null, WriteWarnings = false, Limits = limits });

    /// <summary>Values nested up to 20,000 deep through vectors, lists, maps, sets and atoms, some atoms pointing back up.</summary>
    private static Gen<object?> DeepValues() =>
        from depth in Gen.Choose(0, 20_000)
        from shapes in Gen.ArrayOf(Gen.Choose(0, 5), 16)
        from cycle in Gen.Elements(true, false)
        select Build(depth, shapes, cycle);

    private static object? Build(int depth, int[] shapes, bool cycle)
    {
        object? value = 1L;
        Atom? first = null;
        for (int i = 0; i < depth; i++)
        {
            value = shapes[i % shapes.Length] switch
            {
                0 => PersistentVector.CreateRange([value, (long)i]),
                1 => PersistentList.Create([value]),
                2 => PersistentMap.Empty.Assoc((long)i, value),
                3 => PersistentSet.CreateRange([value]),
                4 => PersistentMap.Empty.Assoc(value, "k"),
                _ => first ??= new Atom(value),
            };
        }

        if (cycle && first is not null)
        {
            first.Reset(value);
        }

        return value;
    }
}
