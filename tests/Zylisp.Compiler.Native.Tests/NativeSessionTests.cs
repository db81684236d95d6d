using Zylisp.Lang;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Incremental native sessions (docs/design/native-sessions.md): an Engine whose execution
/// engine is <see cref="NativeEngine"/>, fed one entry at a time as a REPL does, against the
/// same entries on the interpreter.
/// </summary>
public sealed class NativeSessionTests
{
    /// <summary>
    /// One line per REPL entry: what it printed, then its value or its diagnostics. A thrown value's
    /// location is left out: the interpreter names the throw, native code where ex-info made the error.
    /// </summary>
    internal static List<string> Transcript(Func<IExecutionEngine>? executor, IEnumerable<string> entries)
    {
        var lines = new List<string>();
        IExecutionEngine? created = null;
        var engine = new Engine(new EngineOptions { CreateExecutionEngine = executor is null ? null : () => created = executor(), WriteWarnings = false });
        try
        {
            foreach (var entry in entries)
            {
                var output = new StringWriter();
                var result = engine.Eval(new EvalRequest(entry) { Out = output, Error = output });
                var shown = result.Success
                    ? Printer.PrStr(result.Value)
                    : string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => d.Id + " " + d.Message + (d.Id == DiagnosticIds.UncaughtThrow ? "" : " @" + d.Span?.Line + ":" + d.Span?.Column)));
                lines.Add(entry + " ⇒ " + output + shown);
            }
        }
        finally
        {
            (created as IDisposable)?.Dispose();
        }

        return lines;
    }

    private static void SameAsInterpreter(params string[] entries)
    {
        var expected = Transcript(null, entries);
        var actual = Transcript(() => new NativeEngine(), entries);
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [NativeFact]
    public void Definitions_redefinitions_and_closures_over_earlier_globals_behave_as_on_the_interpreter() =>
        SameAsInterpreter(
            "(def x 10)",
            "(defn add-x [n] (+ n x))",
            "(add-x 5)",
            "(def x 100)",
            "(add-x 5)",
            "(defn add-x [n] (* n x))",
            "(add-x 5)",
            "(def adders (map (fn [k] (fn [n] (+ n k x))) [1 2 3]))",
            "((second adders) 1)",
            "[x \"s\" :k 1.5 {:a [1 2]} #{3} '(a b)]",
            "(str \"a\" 1)",
            "nil");

    [NativeFact]
    public void Errors_leave_the_session_usable_with_the_interpreters_messages() =>
        SameAsInterpreter(
            "(def total 3)",
            "(+ total \"a\")",
            "(undefined-fn 1)",
            "(throw (ex-info \"boom\" {:a 1}))",
            "(/ 1 0)",
            "(inc total)",
            "(try (/ 1 0) (catch e (:message e)))");

    [NativeFact]
    public void Output_goes_to_the_evaluations_stream() =>
        SameAsInterpreter(
            "(println \"hello\" 42)",
            "(do (print \"a\") (prn [1 \"b\"]) 7)",
            "(defn shout [s] (println (str s \"!\")) :done)",
            "(shout \"hey\")");

    [NativeFact]
    public void With_out_str_captures_and_a_throw_through_it_leaves_later_entries_printing() =>
        SameAsInterpreter(
            "(def s (with-out-str (println \"hi\") (prn [1 \"b\"]) (print (with-out-str (print \"inner\")))))",
            "s",
            "(with-out-str (print \"lost\") (throw (ex-info \"boom\" {})))",
            "(println \"visible\")",
            "(count (with-out-str (dotimes [i 1000] (print i))))");

    [NativeFact]
    public void A_capture_an_entry_leaves_installed_does_not_swallow_the_next_entrys_output()
    {
        // As when an interrupt cuts a with-out-str's finally short: the session clears the
        // capture cell before every entry.
        var lines = Transcript(() => new NativeEngine(), ["(let [outer (%capture-swap! (%capture-buffer 64))] (print \"swallowed\") outer)", "(println \"visible\")"]);
        Assert.Equal("(let [outer (%capture-swap! (%capture-buffer 64))] (print \"swallowed\") outer) ⇒ nil", lines[0]);
        Assert.Equal("(println \"visible\") ⇒ visible\nnil", lines[1]);
    }

    [NativeFact]
    public void Prelude_functions_are_compiled_when_first_reached() =>
        SameAsInterpreter(
            "(->> (range 10) (filter even?) (map inc) (reduce +))",
            "(defn sq [x] (* x x))",
            "(mapv sq [1 2 3])",
            "(sort [3 1 2])",
            "(frequencies \"abca\")");

    [NativeFact]
    public void Deep_recursion_is_the_stack_overflow_error_and_the_session_goes_on()
    {
        var lines = Transcript(() => new NativeEngine(), ["(defn down [n] (+ 1 (down n)))", "(down 1)", "(+ 1 2)"]);
        Assert.Contains("ZL5005", lines[1]);
        Assert.EndsWith("⇒ 3", lines[2]);
    }

    [NativeFact]
    public void The_heap_lives_across_evaluations_and_survives_collections()
    {
        var lines = Transcript(
            () => new NativeEngine(),
            [
                "(def keep (vec (range 1000)))",
                "(def a (atom {:n 0}))",
                "(dotimes [i 200000] (swap! a update :n inc) (vec (range 20)))",
                "(:n @a)",
                "(reduce + keep)",
            ]);
        Assert.EndsWith("⇒ 200000", lines[3]);
        Assert.EndsWith("⇒ 499500", lines[4]);
    }

    [NativeFact]
    public void A_value_nobody_prints_is_not_rendered_so_a_lazy_sequence_stays_unrealized()
    {
        using var native = new NativeEngine();
        var engine = new Engine(new EngineOptions { CreateExecutionEngine = () => native, WriteWarnings = false });
        Assert.True(engine.Eval("(def calls (atom 0))").Success);
        Assert.True(engine.Eval("(def squares (map (fn [x] (swap! calls inc) (* x x)) (range 5)))").Success);
        Assert.Equal("0", Printer.PrStr(engine.Eval("@calls").Value));
        var squares = engine.Eval("squares").Value;
        Assert.Equal("(0 1 4 9 16)", Printer.PrStr(squares));
        Assert.Equal("5", Printer.PrStr(engine.Eval("@calls").Value));
    }

    [NativeFact]
    public void Repl_history_values_are_native_globals() =>
        Assert.EndsWith(
            "⇒ [3 2]",
            Transcript(() => new NativeEngine(), ["(+ 1 1)", "(+ 1 2)", "[*1 *2]"])[2]);

    [NativeFact]
    public void An_unsupported_construct_is_a_diagnostic_naming_the_engine_and_the_session_goes_on()
    {
        var lines = Transcript(() => new NativeEngine(), ["(def y 2)", "(eval '(+ 1 2))", "(* y 21)"]);
        Assert.Contains(DiagnosticIds.NativeUnsupported, lines[1]);
        Assert.Contains("native engine", lines[1]);
        Assert.EndsWith("⇒ 42", lines[2]);
    }
}
