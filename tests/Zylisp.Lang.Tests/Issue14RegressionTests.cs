using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

/// <summary>
/// Issue 14 ("Tools and conformance"): the seed's list syntax and Lisp classics, the SLisp
/// dialect's constructors and set literals, and the bugs found on trial. Each test names its bullet.
/// </summary>
public class Issue14RegressionTests
{
    private readonly LangTestHost host = new();

    [Theory]
    [InlineData("(defn add (a b) (+ a b)) (add 1 2)", "3")]
    [InlineData("(defn four () 4) (four)", "4")]
    [InlineData("((fn () 5))", "5")]
    [InlineData("((fn (x) (* x x)) 3)", "9")]
    [InlineData("((fn sq (x) (* x x)) 4)", "16")]
    [InlineData("(defn va (a & more) [a more]) (va 1 2 3)", "[1 (2 3)]")]
    [InlineData("(defn m ((a) a) ((a b) (* a b))) [(m 3) (m 3 4)]", "[3 12]")]
    [InlineData("(defn v ([a] a) ([a b] (+ a b))) [(v 3) (v 3 4)]", "[3 7]")]
    [InlineData("(defmacro tw (x) `(do ~x ~x)) (tw 4)", "4")]
    public void Issue14_fn_and_defn_take_parameter_lists(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void Issue14_a_list_of_lists_stays_the_multi_arity_form() =>
        host.Fails("(defn d ([a b] c) (+ a b c))", DiagnosticIds.MalformedSpecialForm);

    [Fact]
    public void Issue14_defn_with_a_parameter_list_records_its_arglists()
    {
        host.Eval("(defn add (a b) (+ a b)) (doc add)");
        Assert.Contains("((a b))", host.Out.ToString());
    }

    [Theory]
    [InlineData("(let (a 1 b 2) (+ a b))", "3")]
    [InlineData("(let [a 1 b 2] (+ a b))", "3")]
    [InlineData("(let ((a 1) (b 2)) (+ a b))", "3")]
    [InlineData("(let ([a b] [1 2]) (+ a b))", "3")]
    [InlineData("(loop (i 0 acc 0) (if (< i 4) (recur (inc i) (+ acc i)) acc))", "6")]
    public void Issue14_let_and_loop_take_flat_list_bindings(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void Issue14_odd_flat_list_bindings_are_a_located_error()
    {
        var d = host.Fails("(let (a 1 b) a)", DiagnosticIds.MalformedBindings);
        Assert.Equal(1, d.Span!.Line);
        Assert.Equal(6, d.Span.Column);
    }

    [Theory]
    [InlineData("(quasiquote (a (unquote (+ 1 2)) (splice-unquote [4 5])))", "(a 3 4 5)")]
    [InlineData("(let [xs [1 2]] (quasiquote [0 (splice-unquote xs)]))", "[0 1 2]")]
    [InlineData("(let [xs [1 1 2]] `#{0 ~@xs})", "#{0 1 2}")]
    public void Issue14_quasiquote_has_its_long_names(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void Issue14_unquote_long_name_outside_quasiquote_is_an_error() =>
        host.Fails("(splice-unquote [1])", DiagnosticIds.UnquoteOutsideSyntaxQuote);

    [Fact]
    public void Issue14_slisp_vec_and_set_take_elements() =>
        Assert.Equal("[[7 11 13] #{1 2 3} []]", host.Show("[(vec 7 11 13) (set 1 2 3) (vec)]", "t.slisp"));

    [Fact]
    public void Issue14_dialect_directive_switches_vec_and_set() =>
        Assert.Equal("[7 11]", host.Show("(dialect :slisp) (vec 7 11)"));

    [Fact]
    public void Issue14_clojure_vec_and_set_take_a_collection() =>
        Assert.Equal("[[1 2] #{1}]", host.Show("[(vec '(1 2)) (set [1 1])]"));

    [Fact]
    public void Issue14_slisp_set_literals_drop_repeated_elements() =>
        Assert.Equal("#{1 2 3}", host.Show("#{1 2 2 3}", "t.slisp"));

    [Fact]
    public void Issue14_set_literal_repeats_after_dialect_slisp_are_dropped() =>
        Assert.Equal("#{1 2}", host.Show("(dialect :slisp)\n#{1 2 2}"));

    [Fact]
    public void Issue14_zl_set_literal_repeats_stay_an_error()
    {
        var result = host.Engine.Eval("#{1 2 2}\n(dialect :slisp)\n#{3 3}", "t.zl");
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.DuplicateSetElement);
        Assert.Equal(1, d.Span!.Line);
    }

    [Fact]
    public void Issue14_a_macro_template_splicing_a_vector_works_in_slisp() =>
        Assert.Equal("[1 2]", host.Show("(defmacro v [& xs] `[~@xs]) (v 1 2)", "t.slisp"));

    [Fact]
    public void Issue14_inc_of_a_string_blames_inc()
    {
        var d = host.Fails("(inc \"a\")", DiagnosticIds.WrongType);
        Assert.Equal("inc", d.Args[0]);
        Assert.Equal("dec", host.Fails("(let [x \"a\"] (dec x))", DiagnosticIds.WrongType).Args[0]);
    }

    [Theory]
    [InlineData("(zero? \"a\")", "zero?")]
    [InlineData("(even? \"a\")", "even?")]
    [InlineData("(frequencies 5)", "frequencies")]
    [InlineData("(defn f [x] (pos? x)) (f \"a\")", "pos?")]
    // A function the program passed in keeps its own name.
    [InlineData("(update {:a \"x\"} :a inc)", "inc")]
    public void Issue14_a_prelude_function_failing_in_a_core_function_is_named(string source, string blamed)
    {
        var d = host.Fails(source, DiagnosticIds.WrongType);
        Assert.Equal(blamed, d.Args[0]);
        Assert.StartsWith("`" + blamed + "`", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue14_a_failing_argument_does_not_repeat_its_functions_frame()
    {
        var result = host.Engine.Eval("(defn g [] (prn (inc (first [\"a\"])))) (g)", "t.zl");
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Single(d.StackTrace, f => f.FunctionName == "g");
    }

    [Fact]
    public void Issue14_a_recursive_trace_keeps_distinct_activations()
    {
        var result = host.Engine.Eval("(defn f [n] (if (= n 0) (inc \"a\") (+ 1 (f (dec n))))) (f 2)", "t.zl");
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.True(d.StackTrace.Count(f => f.FunctionName == "f") >= 2);
    }

    [Fact]
    public void Issue14_a_qualified_name_with_an_unknown_namespace_is_a_located_error()
    {
        var d = host.Fails("(str/reverse \"abc\")", DiagnosticIds.UnknownNamespace);
        Assert.Equal((1, 2), (d.Span!.Line, d.Span.Column));
        Assert.Equal("str", d.Args[0]);
        Assert.Equal("reverse", d.Args[1]);
    }

    [Fact]
    public void Issue14_a_macro_behind_an_unknown_namespace_is_not_expanded() =>
        host.Fails("(foo/when true 1)", DiagnosticIds.UnknownNamespace);

    [Fact]
    public void Issue14_math_namespace_still_reaches_the_math_functions() =>
        Assert.Equal("[2.0 1.0]", host.Show("[(Math/sqrt 4.0) (clojure.math/floor 1.5)]"));

    [Fact]
    public void Issue14_regex_literal_never_leaves_the_repl_waiting()
    {
        Assert.True(Reader.IsComplete("#\"abc\""));
        Assert.True(Reader.IsComplete("(re-find #\"a+\" s)"));
        Assert.False(Reader.IsComplete("(foo \"abc"));
        // Since issue 13 #"..." is a pattern; one outside the dialect is a located read error.
        Assert.Equal("#\"abc\"", host.Show("#\"abc\""));
        var result = host.Engine.Eval("#\"a(?=b)\"", "t.zl");
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.InvalidRegex);
        Assert.Equal((1, 4), (d.Span!.Line, d.Span.Column));
    }

    [Theory]
    [InlineData("(def ^:dynamic *x* 1) *x*", "1")]
    [InlineData("(def ^:private y \"a doc\" 2) y", "2")]
    [InlineData("(def ^:dynamic ^:private z {:doc \"a doc\"} 3) z", "3")]
    public void Issue14_def_accepts_metadata_hints(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void Issue14_def_metadata_hints_keep_the_docstring()
    {
        host.Eval("(def ^:private y \"a doc\" 2) (doc y)");
        Assert.Contains("a doc", host.Out.ToString());
    }

    [Fact]
    public void Issue14_help_text_substitutes_its_arguments() =>
        Assert.DoesNotContain("{0}", host.Fails("(def 1 2 3 4)", DiagnosticIds.MalformedSpecialForm).Help);
}

/// <summary>Issue 14, "the arity check also becomes a warning at zylisp run, located at the call".</summary>
public class Issue14ArityTests
{
    private readonly LangTestHost host = new();

    [Fact]
    public void Issue14_a_call_with_the_wrong_arity_warns_at_the_call()
    {
        var result = host.Engine.Eval("(defn add [a b] (+ a b))\n(defn g [] (add 1))", "t.zl");
        Assert.True(result.Success);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.WrongArityWarning);
        Assert.Equal((2, 12), (d.Span!.Line, d.Span.Column));
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("(defn g [] (inc 1 2))")]
    [InlineData("(defn v [a & more] a) (defn g [] (v))")]
    [InlineData("(defn m ([a] a) ([a b c] a)) (defn g [] (m 1 2))")]
    public void Issue14_wrong_arity_calls_of_builtins_and_closures_warn(string source)
    {
        var result = host.Engine.Eval(source, "t.zl");
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.WrongArityWarning);
    }

    [Theory]
    [InlineData("(defn v [a & more] a) (v 1 2 3)")]
    [InlineData("(defn m ([a] a) ([a b c] a)) [(m 1) (m 1 2 3)]")]
    [InlineData("(+ 1 2 3 4)")]
    public void Issue14_calls_with_an_accepted_arity_do_not_warn(string source)
    {
        var result = host.Engine.Eval(source, "t.zl");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.WrongArityWarning);
    }

    [Fact]
    public void Issue14_a_wrong_arity_tail_call_is_located_at_the_call()
    {
        var result = host.Engine.Eval("(defn add [a b] a)\n(defn g [] (add 1)) (g)", "t.zl");
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.WrongArity);
        Assert.Equal((2, 12), (d.Span!.Line, d.Span.Column));
    }

    [Fact]
    public void Issue14_arity_is_described_plainly()
    {
        Assert.Equal("1 or 2", new Analysis.Arity([1, 2], null).Describe());
        Assert.Equal("0, 1 or 3 or more", new Analysis.Arity([0, 1], 3).Describe());
        Assert.Equal("2 or more", new Analysis.Arity([], 2).Describe());
    }
}
