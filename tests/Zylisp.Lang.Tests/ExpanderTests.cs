using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Tests;

public class ExpanderTests
{
    private readonly LangTestHost host = new();

    private string ExpandOne(string source)
    {
        var result = host.Engine.Expand(source);
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        return Printer.PrStr(result.Forms[^1]);
    }

    [Theory]
    [InlineData("(when a b c)", "(if a (do b c))")]
    [InlineData("(unless a b)", "(if a nil (do b))")]
    [InlineData("(let ((x 1) (y 2)) (+ x y))", "(let [x 1 y 2] (+ x y))")]
    [InlineData("(loop ((i 0)) (recur i))", "(loop [i 0] (recur i))")]
    [InlineData("(fn [x] x)", "(fn ([x] x))")]
    [InlineData("(defn add [x y] (+ x y))", "(def add {:arglists ([x y])} (fn add ([x y] (+ x y))))")]
    [InlineData("(defn f \"doc\" [x] x)", "(def f {:arglists ([x]), :doc \"doc\"} (fn f ([x] x)))")]
    [InlineData("(deffunc add (a b) (:args integer integer) (:return integer) (+ a b))",
        "(def add {:arglists ([a b])} (fn add {:args [integer integer], :return integer} ([a b] (+ a b))))")]
    [InlineData("(deffunc sq [x] (* x x))", "(def sq {:arglists ([x])} (fn sq ([x] (* x x))))")]
    [InlineData("(-> x (f 1) g)", "(g (f x 1))")]
    [InlineData("(->> x (f 1) g)", "(g (f 1 x))")]
    [InlineData("(cond a 1 :else 2)", "(if a 1 (if :else 2 nil))")]
    [InlineData("(while t (f))", "(loop [] (if t (do (f) (recur))))")]
    [InlineData("'(when a b)", "(quote (when a b))")]
    public void Expands_to_core_forms(string source, string expected) => Assert.Equal(expected, ExpandOne(source));

    [Fact]
    public void Expansion_leaves_no_macro_calls_inside_core_forms()
    {
        var text = ExpandOne("(defn f [x] (when (and x (or 1 2)) (cond x 1)))");
        foreach (var macro in new[] { "(when", "(and", "(or", "(cond", "(defn" })
        {
            Assert.DoesNotContain(macro, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Syntax_quote_inserts_splices_and_leaves_symbols_unqualified()
    {
        Assert.Equal("(a 1 2 3 b)", host.Show("(let [x 1 ys [2 3]] `(a ~x ~@ys b))"));
        Assert.Equal("[1 (2) {:k 1}]", host.Show("(let [x 1] `[~x (2) {:k ~x}])"));
        Assert.Equal("(quote foo)", host.Show("`'foo"));
    }

    [Fact]
    public void Auto_gensyms_are_consistent_within_one_syntax_quote_and_fresh_across()
    {
        var value = (PersistentList)host.Eval("`(x# x# y#)")!;
        var items = value.ToList();
        Assert.Equal(items[0], items[1]);
        Assert.NotEqual(items[0], items[2]);
        Assert.EndsWith("__auto", ((Symbol)items[0]!).Name, StringComparison.Ordinal);
        Assert.NotEqual(host.Eval("`x#"), host.Eval("`x#"));
    }

    [Fact]
    public void Defmacro_defines_macros_usable_in_later_forms()
    {
        host.Eval("(defmacro swap-args [f a b] `(~f ~b ~a))");
        Assert.Equal(3L, host.Eval("(swap-args - 2 5)"));
        Assert.Equal("(- 5 2)", host.Show("(macroexpand-1 '(swap-args - 2 5))"));
    }

    [Fact]
    public void Macro_hygiene_with_gensym_avoids_capture()
    {
        host.Eval("(defmacro my-or [a b] `(let [v# ~a] (if v# v# ~b)))");
        Assert.Equal(5L, host.Eval("(let [v 5] (my-or nil v))"));
    }

    [Fact]
    public void Macroexpand_expands_the_outermost_form_until_it_is_not_a_macro()
    {
        Assert.Equal("(if x (do y))", host.Show("(macroexpand '(when x y))"));
        Assert.Equal("(if (not x) nil (do y))", host.Show("(macroexpand '(when-not (not x) y))"));
        Assert.Equal("(+ 1 2)", host.Show("(macroexpand '(+ 1 2))"));
    }

    [Fact]
    public void Locals_shadow_macros()
    {
        Assert.Equal(3L, host.Eval("(let [when (fn [a b] (+ a b))] (when 1 2))"));
    }

    [Fact]
    public void Runaway_expansion_hits_the_limit_from_the_options()
    {
        var limited = new LangTestHost(new RuntimeLimits { MaxMacroExpansions = 50 });
        limited.Eval("(defmacro forever [] `(forever))");
        var d = limited.Fails("(forever)", DiagnosticIds.MacroExpansionLimit);
        Assert.Equal(1, d.Span!.Line);
    }

    [Fact]
    public void A_throwing_macro_is_an_expansion_error_at_the_call()
    {
        host.Eval("(defmacro bad [] (throw (ex-info \"no\" {})))");
        var d = host.Fails("(+ 1\n  (bad))", DiagnosticIds.MacroFailed);
        Assert.Equal(2, d.Span!.Line);
        Assert.Equal(Phase.Expand, d.Phase);
    }

    [Theory]
    [InlineData("~x", DiagnosticIds.UnquoteOutsideSyntaxQuote)]
    [InlineData("(let [a] a)", DiagnosticIds.MalformedBindings)]
    [InlineData("(defmacro 1 [] 1)", DiagnosticIds.MalformedDefmacro)]
    [InlineData("`~@x", DiagnosticIds.SpliceOutsideCollection)]
    [InlineData("(dialect :cobol)", DiagnosticIds.UnknownDialect)]
    [InlineData("(let [[a 1] [1 2]] a)", DiagnosticIds.MalformedPattern)]
    [InlineData("(let [{:keys [1]} {}] 1)", DiagnosticIds.MalformedPattern)]
    [InlineData("(let [{:or 1} {}] 1)", DiagnosticIds.MalformedPattern)]
    [InlineData("(fn [[a :as]] a)", DiagnosticIds.MalformedPattern)]
    [InlineData("(loop [[a & [b] :as 3] [1]] a)", DiagnosticIds.MalformedPattern)]
    [InlineData("(try 1 (catch Exception e e))", DiagnosticIds.ExceptionClassInCatch)]
    [InlineData("(try 1 (catch java.lang.Throwable t t))", DiagnosticIds.ExceptionClassInCatch)]
    [InlineData("(try 1 (catch :arithmetic-error 2 3))", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(cond-> 1 true)", DiagnosticIds.MacroFailed)]
    [InlineData("(for [x] x)", DiagnosticIds.MacroFailed)]
    [InlineData("(for [:when true] 1)", DiagnosticIds.MacroFailed)]
    [InlineData("(for [x [1] :until false] x)", DiagnosticIds.MacroFailed)]
    public void Malformed_input_gives_expansion_diagnostics(string source, string id) => host.Fails(source, id);

    [Theory]
    [InlineData("(let [[a b & more :as all] [1 2 3 4]] [a b more all])", "[1 2 (3 4) [1 2 3 4]]")]
    [InlineData("(let [[a b c] [1]] [a b c])", "[1 nil nil]")]
    [InlineData("(let [[a & more] [1]] more)", "nil")]
    [InlineData("(let [[a [b [c]]] [1 [2 [3]]]] [a b c])", "[1 2 3]")]
    [InlineData("(let [[a b] \"hi\"] [a b])", "[\"h\" \"i\"]")]
    [InlineData("(let [{:keys [x y] :or {y 10} :as m} {:x 1}] [x y m])", "[1 10 {:x 1}]")]
    [InlineData("(let [{a :a [b c] :bc} {:a 1 :bc [2 3]}] [a b c])", "[1 2 3]")]
    [InlineData("(let [{:strs [s] :syms [t]} {\"s\" 1 't 2}] [s t])", "[1 2]")]
    [InlineData("(let [{:keys [a]} nil] a)", "nil")]
    [InlineData("((fn [[x y] {:keys [z]}] (+ x y z)) [1 2] {:z 3})", "6")]
    [InlineData("((fn [& {:keys [a b]}] [a b]) :b 2 :a 1)", "[1 2]")]
    [InlineData("((fn f ([] 0) ([[a b]] (+ a b (f)))) [3 4])", "7")]
    [InlineData("(loop [[x & xs] [1 2 3] acc 0] (if x (recur xs (+ acc x)) acc))", "6")]
    [InlineData("(let [x 1 [x y] [x 2]] [x y])", "[1 2]")]
    public void Destructuring_binds_vectors_maps_and_nested_patterns(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void Destructuring_expands_to_plain_symbol_bindings()
    {
        var expanded = ExpandOne("(let [[a {:keys [b]}] v] (+ a b))");
        Assert.DoesNotContain("[a", expanded, StringComparison.Ordinal);
        Assert.Contains("(%destructure-nth vec__", expanded, StringComparison.Ordinal);
        Assert.Contains("(%destructure-get map__", expanded, StringComparison.Ordinal);
        var fn = ExpandOne("(fn [[a b]] (+ a b))");
        Assert.StartsWith("(fn ([p__", fn, StringComparison.Ordinal);
    }

    [Fact]
    public void Patterns_in_macros_built_on_let_and_loop_destructure_too()
    {
        host.Eval("(def seen (atom []))");
        host.Eval("(doseq [[k v] {:a 1 :b 2}] (swap! seen conj [v k]))");
        Assert.Equal("[[1 :a] [2 :b]]", host.Show("@seen"));
        Assert.Equal("3", host.Show("(when-let [[a b] [1 2]] (+ a b))"));
        Assert.Equal("nil", host.Show("(if-let [[a] nil] a)"));
        Assert.Equal("7", host.Show("(do (defn add-pair [[a b]] (+ a b)) (add-pair [3 4]))"));
    }

    [Fact]
    public void Macro_output_nested_past_the_form_depth_limit_is_an_error_not_a_crash()
    {
        var limited = new LangTestHost(new RuntimeLimits { MaxFormDepth = 50 });
        limited.Eval("(defmacro nest [n] (loop [i 0 f 0] (if (< i n) (recur (inc i) (list 'inc f)) f)))");
        Assert.Equal(40L, limited.Eval("(nest 40)"));
        var d = limited.Fails("(nest 60)", DiagnosticIds.FormTooDeep);
        Assert.Contains("50", d.Message, StringComparison.Ordinal);

        // With the defaults, a million levels is refused cleanly too (it used to overflow the host stack);
        // its two million new nodes pass RuntimeLimits.MaxExpansionSize before the depth is checked.
        host.Eval("(defmacro nest [n] (loop [i 0 f 0] (if (< i n) (recur (inc i) (list 'inc f)) f)))");
        host.Fails("(nest 1000000)", DiagnosticIds.ExpansionTooLarge);
    }

    [Fact]
    public void Expand_evaluates_definitions_so_file_macros_expand()
    {
        var result = host.Engine.Expand("(defmacro twice [x] `(do ~x ~x))\n(twice (println 1))");
        Assert.True(result.Success);
        Assert.Equal("(do (println 1) (println 1))", Printer.PrStr(result.Forms[^1]));
        Assert.Equal("", host.Out.ToString());
    }

    [Fact]
    public void Case_compares_literal_keys_and_groups()
    {
        Assert.Equal("[\"one\" \"two\" \"other\"]", host.Show("(vec (map (fn [x] (case x 1 \"one\" (2 3) \"two\" \"other\")) [1 3 9]))"));
        Assert.Equal(":b", host.Show("(case 'b a :a b :b)"));
        host.Fails("(case 5 1 :one)", DiagnosticIds.UncaughtThrow);
    }

    [Fact]
    public void Binding_macros_work()
    {
        Assert.Equal("[1 0 nil]", host.Show("[(if-let [x 1] x 0) (if-let [x nil] x 0) (when-let [x false] 1)]"));
        Assert.Equal("[0 1 2]", host.Show("(let [a (atom [])] (dotimes [i 3] (swap! a conj i)) @a)"));
        Assert.Equal("[[1 :a] [1 :b] [2 :a] [2 :b]]", host.Show("(let [a (atom [])] (doseq [x [1 2] y [:a :b]] (swap! a conj [x y])) @a)"));
        Assert.Equal("[true false 3 false nil 1]", host.Show("[(and) (and 1 false) (and 1 2 3) (or nil false) (or) (or nil 1)]"));
    }
}
