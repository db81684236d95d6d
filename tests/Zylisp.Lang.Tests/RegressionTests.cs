using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Tests;

/// <summary>Bugs found while building the language core; each test names where it came from.</summary>
public class RegressionTests
{
    private readonly LangTestHost host = new();

    /// <summary>
    /// lang-eval, first interpreter run: PersistentList.Create(params ReadOnlySpan) bound a
    /// List&lt;object&gt; as a single element, so every expanded call became ((...)) and failed
    /// with "List`1 is not a function". Rebuilt forms now use CreateRange.
    /// </summary>
    [Fact]
    public void Expanded_calls_keep_their_elements() => Assert.Equal(3L, host.Eval("(+ 1 2)"));

    /// <summary>lang-eval, first prelude load: defmacro with one arity wrapped the arity list twice.</summary>
    [Fact]
    public void Single_arity_defmacro_defines_a_working_macro() =>
        Assert.Equal(2L, host.Eval("(defmacro two [] 2) (two)"));

    /// <summary>lang-eval, ExpanderTests: `zylisp expand` split a macro's (do ...) result into separate forms.</summary>
    [Fact]
    public void Expand_keeps_a_do_produced_by_a_macro_as_one_form()
    {
        var result = host.Engine.Expand("(defmacro both [a b] `(do ~a ~b)) (both 1 2)");
        Assert.Equal("(do 1 2)", Printing.Printer.PrStr(result.Forms[^1]));
    }

    /// <summary>lang-eval, first smoke run: println printed nil as an empty string (it used str rules).</summary>
    [Fact]
    public void Println_prints_nil_as_nil()
    {
        host.Eval("(println nil [nil \"s\"])");
        Assert.Equal("nil [nil s]\n", host.Out.ToString());
    }

    /// <summary>
    /// lang-eval, frame reuse: a frame is reused by the next call at the same depth, so a closure
    /// created in a call must not see later calls' values (closures copy what they capture).
    /// </summary>
    [Fact]
    public void Closures_made_in_reused_frames_keep_their_own_values() =>
        Assert.Equal("(1 2 3)", host.Show("(defn mk [x] (fn [] x)) (let [fs [(mk 1) (mk 2) (mk 3)]] (map (fn [f] (f)) fs))"));

    /// <summary>lang-eval, tests/programs corpus (lib/time_and_doc.zl): time must report on stderr.</summary>
    [Fact]
    public void Time_keeps_stdout_deterministic()
    {
        host.Eval("(time 1)");
        Assert.Equal("", host.Out.ToString());
    }

    /// <summary>
    /// Coordinator issue "deep non-tail recursion hangs": `(defn f [] (f))` ran for minutes. That
    /// call is in tail position, so it is an endless trampolined loop by design (docs/design/
    /// tail-calls.md), like `(loop [] (recur))`; only cancellation ends it. Genuinely non-tail
    /// recursion must still stop at MaxCallDepth with ZL5005, quickly, and be catchable.
    /// </summary>
    [Fact]
    public void Deep_non_tail_recursion_hangs_is_a_quick_stack_overflow_at_the_default_depth()
    {
        host.Eval("(defn f [] (+ 1 (f)))");
        var result = EvalWithHangGuard(host.Engine, "(f)");
        var d = Assert.Single(result.Diagnostics, d => d.IsError && d.Id == DiagnosticIds.StackOverflow);
        Assert.Contains("`f`", d.Message, StringComparison.Ordinal);
        Assert.Equal("f", d.StackTrace[0].FunctionName);
        Assert.True(d.StackTrace.Count < 10, "recursive frames are folded into a count");
        Assert.Equal(":stack-overflow", Printer.PrStr(EvalWithHangGuard(host.Engine, "(try (f) (catch e (:type e)))").Value));
    }

    /// <summary>Same issue: the endless tail call is interruptible rather than an overflow.</summary>
    [Fact]
    public void Deep_non_tail_recursion_hangs_endless_tail_self_call_is_interruptible()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var result = EvalWithHangGuard(host.Engine, "(defn f [] (f)) (f)", cts.Token);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.Interrupted);
    }

    /// <summary>
    /// Same issue, macro variant: `(defmacro m [] (m))` runs the macro's function, which tail-calls
    /// itself forever at expansion time (no expansion happens), so it must be interruptible; a
    /// macro that expands into itself must hit the expansion limit.
    /// </summary>
    [Fact]
    public void Deep_non_tail_recursion_hangs_macro_variants_end()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var spinning = EvalWithHangGuard(host.Engine, "(defmacro m [] (m)) (m)", cts.Token);
        Assert.Contains(spinning.Diagnostics, d => d.Id == DiagnosticIds.Interrupted);

        var expanding = EvalWithHangGuard(host.Engine, "(defmacro m2 [] `(m2)) (m2)");
        Assert.Contains(expanding.Diagnostics, d => d.Id == DiagnosticIds.MacroExpansionLimit);
    }

    /// <summary>Same issue: the error path of an ordinary throw from 1,000 frames deep, many times over.</summary>
    [Fact]
    public void Deep_non_tail_recursion_hangs_throw_from_a_thousand_frames_is_caught_with_its_trace()
    {
        host.Eval("(defn t [n] (if (= n 0) (throw (ex-info \"boom\" {})) (+ 1 (t (- n 1)))))");
        var caught = EvalWithHangGuard(host.Engine, "(count (filter some? (map (fn [_] (try (t 1000) (catch e (ex-message e)))) (range 200))))");
        Assert.Equal(200L, caught.Value);
        var uncaught = EvalWithHangGuard(host.Engine, "(t 1000)");
        var d = Assert.Single(uncaught.Diagnostics, d => d.IsError);
        Assert.Equal(["t", "t"], d.StackTrace.Take(2).Select(f => f.FunctionName));
    }

    /// <summary>Turns a hang into a failure (30 s is far beyond any expected run; not a timing assertion).</summary>
    private static EvalResult EvalWithHangGuard(Engine engine, string source, CancellationToken ct = default)
    {
        var run = Task.Run(() => engine.Eval(source, "test.zl", ct));
        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), "evaluation hung");
        return run.Result;
    }
}
