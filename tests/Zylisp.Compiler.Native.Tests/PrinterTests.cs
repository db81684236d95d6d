using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The printer is a typed routine written in Zylisp (Library/80-printer.zl, Emit/TypedRoutines.cs):
/// str, print, pr and their relatives must render every value exactly as the interpreter does.
/// </summary>
public sealed class PrinterTests
{
    [NativeFact]
    public void The_printer_is_a_typed_routine_and_the_assembly_render_is_gone()
    {
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect("(defn -main [] (println [1 \"a\" :k]))"));
        Assert.Contains("rt:%render:", listing, StringComparison.Ordinal);
        Assert.Contains("rt:%pr-integer:", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("rt:render:", listing, StringComparison.Ordinal);
    }

    [NativeFact]
    public void Every_kind_of_value_prints_as_the_interpreter_prints_it()
    {
        const string Program =
            "(def values [nil true false 0 -1 42 4611686018427387903 -4611686018427387904 4611686018427387904 " +
            "-9223372036854775808 9223372036854775807 1.5 -0.0 1e300 \"\" \"plain\" \"q\\\"b\\\\n\\nt\\tr\\r\" :k :ns/k 'sym 'a/b " +
            "[] [1 [2 [3]]] '() '(1 (2 \"x\")) {} {:a 1 \"b\" [nil]} #{} #{:x} (atom [1 \"s\"]) " +
            "(ex-info \"boom\" {:a 1}) (map inc [1 2 3]) (cons 0 (list 1 2)) (range 3) (lazy-seq nil) #\"a\\d+\" inc])\n" +
            "(doseq [v values] (prn v) (println v) (print v) (println) (println (str v) (pr-str v)))\n" +
            "(println (str values) (pr-str values))\n" +
            "(prn (str nil \"a\" nil [nil \"b\"]) (str) (pr-str) (print-str \"x\" [\"y\"]) (prn-str \"x\" [\"y\"]))\n" +
            "(defrecord Point [x y])\n(prn (->Point 1 \"a\")) (println (->Point [nil] :k)) (println (str (->Point 1 2)))\n";
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program, "test.zl", ExitRule.LastValue).Stdout);
    }

    [NativeFact]
    public void Error_messages_render_the_offending_value_readably()
    {
        const string Program =
            "(println (try (+ 1 \"a\\n\") (catch e (get e :message))))\n" +
            "(println (try (+ 1 [nil :k {\"m\" 1.5}]) (catch e (get e :message))))\n" +
            "(println (try (throw (ex-info \"x\" {:v [1 \"2\"]})) (catch e (pr-str (ex-data e)))))\n";
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program, "test.zl", ExitRule.LastValue).Stdout);
    }

    /// <summary>The interpreter's print limits: a collection 10,000 deep prints as #, items past the millionth as "...".</summary>
    [NativeFact]
    public void Deep_and_long_values_stop_where_the_interpreters_printer_stops()
    {
        const string Program =
            "(let [deep (reduce (fn [acc _] [(atom (list {:k acc}))]) nil (range 2600))] (println (count (pr-str deep)) (count (str deep))))\n" +
            "(let [s (pr-str (vec (range 1000002)))] (println (count s) (subs s (- (count s) 20))))\n";
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program, "test.zl", ExitRule.LastValue).Stdout);
    }

    /// <summary>Random nested values, printed every way, against the interpreter (also under a collection on every allocation).</summary>
    [NativeFact]
    public void Random_values_print_as_the_interpreter_prints_them()
    {
        var values = Gen.Sized(size => Value(Math.Min(size, 4))).ArrayOf(8);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4), Prop.ForAll(values.ToArbitrary(), batch =>
        {
            var program = new StringBuilder();
            foreach (var value in batch)
            {
                program.Append(CultureInfo.InvariantCulture, $"(let [v {value}] (prn v) (println v) (print v \"|\" v) (prn (str v) (pr-str v \"|\" v)) (println (str v v)))\n");
            }

            var source = program.ToString();
            var expected = NativeLibraryTests.Interpreted(source);
            var native = NativeRunner.CompileAndRun(source, "test.zl", ExitRule.LastValue).Stdout;
            return native == expected ? true : throw new InvalidOperationException($"program\n{source}\nnative printed\n{native}\ninterpreter\n{expected}");
        }));
    }

    private static Gen<string> Value(int depth)
    {
        var integers = Gen.OneOf(
            Gen.Choose(-1000, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Elements(long.MinValue, long.MaxValue, (1L << 62) - 1, -(1L << 62), 1L << 62, 10_000_000_000L).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var strings = Gen.Elements("a", "b", " ", "\\\"", "\\\\", "\\n", "\\t", "\\r", "z9", "-").ArrayOf().Select(parts => "\"" + string.Concat(parts) + "\"");
        var atoms = Gen.OneOf(
            integers,
            strings,
            Gen.Elements("nil", "true", "false", ":k", ":a/b", "'s", "'x/y", "1.5", "-0.25", "1e21", "(atom 1)"));
        if (depth <= 0)
        {
            return atoms;
        }

        var items = Gen.Sized(_ => Value(depth - 1)).ListOf().Select(list => string.Join(" ", list.Take(4)));
        return Gen.Frequency(
            (4, atoms),
            (1, items.Select(s => $"[{s}]")),
            (1, items.Select(s => $"(list {s})")),
            (1, items.Select(s => $"(map identity [{s}])")),
            (1, items.Select(s => $"(set [{s}])")),
            (1, Gen.Zip(atoms, Gen.Sized(_ => Value(depth - 1))).ListOf().Select(pairs => "(hash-map " + string.Join(" ", pairs.Take(3).Select(p => $"{p.Item1} {p.Item2}")) + ")")));
    }
}
