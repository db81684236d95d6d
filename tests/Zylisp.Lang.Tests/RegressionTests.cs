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
}
