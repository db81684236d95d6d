using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Tests;

public class InterpreterTests
{
    private readonly LangTestHost host = new();

    [Theory]
    [InlineData("(+ 1 2)", "3")]
    [InlineData("(- 10 4 3)", "3")]
    [InlineData("(- 5)", "-5")]
    [InlineData("(* 2 3 4)", "24")]
    [InlineData("(/ 7 2)", "3")]
    [InlineData("(/ -7 2)", "-3")]
    [InlineData("(/ 7.0 2)", "3.5")]
    [InlineData("(+ 1 2.5)", "3.5")]
    [InlineData("(+ 9223372036854775807 1)", "-9223372036854775808")]
    [InlineData("(* 4611686018427387904 4)", "0")]
    [InlineData("(inc 9223372036854775807)", "-9223372036854775808")]
    [InlineData("(/ -9223372036854775808 -1)", "-9223372036854775808")]
    [InlineData("(/ 1.0 0)", "##Inf")]
    [InlineData("(= 1 1.0)", "false")]
    [InlineData("(== 1 1.0)", "true")]
    [InlineData("(= [1 2] '(1 2))", "true")]
    [InlineData("(< 1 2 3)", "true")]
    [InlineData("(< 1 3 2)", "false")]
    [InlineData("(mod -7 3)", "2")]
    [InlineData("(rem -7 3)", "-1")]
    [InlineData("(quot -7 2)", "-3")]
    public void Arithmetic_follows_the_numeric_rules(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Theory]
    [InlineData("(/ 1 0)")]
    [InlineData("(mod 1 0)")]
    [InlineData("(quot 5 0)")]
    public void Integer_division_by_zero_is_an_error(string source) =>
        host.Fails(source, DiagnosticIds.DivideByZero);

    [Fact]
    public void If_uses_clojure_truthiness_by_default()
    {
        Assert.Equal("[:t :t :t :f :f]", host.Show("[(if 0 :t :f) (if \"\" :t :f) (if [] :t :f) (if nil :t :f) (if false :t :f)]"));
    }

    [Fact]
    public void Slisp_dialect_makes_zero_empty_and_blank_falsy()
    {
        const string Source = "[(if 0 :t :f) (if 0.0 :t :f) (if \"\" :t :f) (if [] :t :f) (if {} :t :f) (if 1 :t :f) (and 1 0) (not 0)]";
        Assert.Equal("[:f :f :f :f :f :t 0 true]", host.Show(Source, "prog.slisp"));
        Assert.Equal("[:f :f :f :f :f :t 0 true]", host.Show("(dialect :slisp) " + Source));
    }

    [Fact]
    public void Slisp_dialect_is_per_unit()
    {
        host.Eval("(dialect :slisp) (def slisp-zero (if 0 :t :f))");
        Assert.Equal(":t", host.Show("(if 0 :t :f)"));
        Assert.Equal(":f", host.Show("slisp-zero"));
    }

    [Fact]
    public void Mutual_recursion_in_tail_position_does_not_grow_the_stack()
    {
        host.Eval("(defn ev? [n] (if (= n 0) true (od? (- n 1)))) (defn od? [n] (if (= n 0) false (ev? (- n 1))))");
        Assert.Equal(true, host.Eval("(ev? 100000)"));
        Assert.Equal(false, host.Eval("(ev? 1000001)"));
    }

    [Fact]
    public void Deep_non_tail_recursion_is_a_stack_overflow_error_naming_the_function()
    {
        var limited = new LangTestHost(new RuntimeLimits { MaxCallDepth = 500 });
        limited.Eval("(defn deep [n] (if (= n 0) 0 (+ 1 (deep (- n 1)))))");
        Assert.Equal(400L, limited.Eval("(deep 400)"));
        var d = limited.Fails("(deep 100000)", DiagnosticIds.StackOverflow);
        Assert.Contains("deep", d.Message, StringComparison.Ordinal);
        Assert.Contains(d.StackTrace, f => f.FunctionName == "deep");
    }

    [Fact]
    public void Default_call_depth_is_reachable_without_crashing_the_host()
    {
        host.Eval("(defn deep [n] (if (= n 0) 0 (+ 1 (deep (- n 1)))))");
        Assert.Equal(9_000L, host.Eval("(deep 9000)"));
        host.Fails("(deep 1000000)", DiagnosticIds.StackOverflow);
    }

    [Fact]
    public void Stack_overflow_can_be_caught()
    {
        host.Eval("(defn deep [n] (+ 1 (deep n)))");
        Assert.Equal(":stack-overflow", host.Show("(try (deep 1) (catch e (:type e)))"));
        Assert.Equal(3L, host.Eval("(+ 1 2)"));
    }

    [Fact]
    public void Loop_recur_runs_in_constant_stack()
    {
        Assert.Equal(4999950000L, host.Eval("(loop [i 0 acc 0] (if (< i 100000) (recur (inc i) (+ acc i)) acc))"));
    }

    [Fact]
    public void Recur_targets_the_function_when_no_loop_encloses_it()
    {
        Assert.Equal(120L, host.Eval("(defn fact [n acc] (if (<= n 1) acc (recur (dec n) (* n acc)))) (fact 5 1)"));
        Assert.Equal("(3 2 1)", host.Show("((fn [acc & xs] (if xs (recur (cons (first xs) acc) (next xs)) acc)) () 1 2 3)"));
    }

    [Fact]
    public void Cancellation_interrupts_an_endless_loop()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var result = host.Engine.Eval("(loop [] (recur))", "t.zl", cts.Token);
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.Interrupted);
    }

    [Fact]
    public void Cancellation_interrupts_endless_tail_calls()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var result = host.Engine.Eval("(defn spin [] (spin)) (spin)", "t.zl", cts.Token);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.Interrupted);
    }

    [Fact]
    public void Undefined_symbol_suggests_the_nearest_defined_name()
    {
        var d = host.Fails("(defn f [xs] (cout xs))\n(f [1])", DiagnosticIds.UndefinedGlobal);
        Assert.Contains("`count`", d.Message, StringComparison.Ordinal);
        Assert.Equal(1, d.Span!.Line);
        Assert.Equal(15, d.Span.Column);
    }

    [Fact]
    public void A_declared_global_defined_later_by_eval_is_not_warned_about()
    {
        var result = host.Engine.Eval("(declare f g)\n(defn use [] (+ (f 1) (g)))\n(eval '(defn f [x] x))\n(eval '(defn g [] 2))\n(use)", "declared.zl");
        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(3L, result.Value);
        host.Fails("(declare 1)", DiagnosticIds.MalformedSpecialForm);
    }

    [Fact]
    public void A_declare_in_a_namespace_names_that_namespaces_global()
    {
        var result = host.Engine.Eval("(ns app.core)\n(declare later)\n(defn early [] (later))\n(defn later [] :ok)\n(early)", "app.zl");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal("app.core/later", host.Engine.Eval("(ns app.core) (str (:ns (meta #'later)) \"/\" (:name (meta #'later)))").Value);
    }

    [Fact]
    public void Forward_references_work_and_still_undefined_globals_are_warned_about()
    {
        var result = host.Engine.Eval("(defn a [] (b))\n(defn b [] 42)\n(defn c [] (nope))", "fwd.zl");
        Assert.True(result.Success);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UndefinedGlobalWarning, warning.Id);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(3, warning.Span!.Line);
        Assert.Contains("fwd.zl:3:", host.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(42L, host.Eval("(a)"));
        host.Fails("(c)", DiagnosticIds.UndefinedGlobal);
    }

    [Fact]
    public void Runtime_errors_carry_a_zylisp_stack_trace_with_locations()
    {
        var d = host.Fails("(defn inner [x] (+ x :k))\n(defn outer [x] (let [y (inner x)] y))\n(outer 1)", DiagnosticIds.WrongType);
        Assert.Equal(1, d.Span!.Line);
        Assert.Equal(["inner", "outer", "<top-level>"], d.StackTrace.Select(f => f.FunctionName));
        Assert.Equal([1, 2, 3], d.StackTrace.Select(f => f.Span!.Line));
    }

    [Fact]
    public void Self_calls_with_one_and_two_arguments_recurse_trace_and_check_arity()
    {
        // Self-calls take their own call node (the closure is the frame's own), which must behave
        // as any other call: results, Zylisp stack frames, arity errors, a variadic self.
        host.Eval("(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))");
        Assert.Equal(6765L, host.Eval("(fib 20)"));
        host.Eval("(defn ack [m n] (cond (= m 0) (inc n) (= n 0) (ack (dec m) 1) :else (ack (dec m) (ack m (dec n)))))");
        Assert.Equal(61L, host.Eval("(ack 3 3)"));

        var d = host.Fails("(defn down [n] (if (= n 0) (+ n :k) (+ 1 (down (dec n)))))\n(down 3)", DiagnosticIds.WrongType);
        var frames = d.StackTrace.Select(f => f.FunctionName).ToList();
        Assert.Equal(["down", "down", "<top-level>"], frames.Take(3)); // later repeats are folded into one line
        Assert.Contains("2 more frames", frames[^1], StringComparison.Ordinal);

        host.Fails("(defn one [x] (+ 1 (one x x)))\n(one 1)", DiagnosticIds.WrongArity);
        host.Eval("(defn total ([] 0) ([x & more] (+ x (apply total more))) ([x y] (+ x y (total))))");
        Assert.Equal(3L, host.Eval("(total 1 2)"));
    }

    [Fact]
    public void Errors_raised_inside_the_prelude_are_located_at_the_programs_call()
    {
        var d = host.Fails("(defn f [x]\n  (let [[a] x]\n    a))\n(f 5)", DiagnosticIds.WrongType);
        Assert.Equal("test.zl", d.Span!.File);
        Assert.Equal(2, d.Span.Line);
        Assert.Equal("%destructure-nth", d.StackTrace[0].FunctionName); // the trace still shows where it happened
        Assert.Equal("2", host.Show("(try\n  (let [[a] 5] a)\n  (catch e (:line e)))"));
    }

    [Theory]
    [InlineData("(try (/ 1 0) (catch :arithmetic-error e [:arith (:type e)]) (catch e :other))", "[:arith :arithmetic-error]")]
    [InlineData("(try (nth [] 3) (catch :arithmetic-error e :arith) (catch e (:type e)))", ":index-out-of-bounds")]
    [InlineData("(try (throw {:type :mine :n 1}) (catch :arithmetic-error e :arith) (catch :mine e (:n e)))", "1")]
    [InlineData("(try (throw (ex-info \"boom\" {:type :oops})) (catch :oops e (ex-message e)))", "\"boom\"")]
    [InlineData("(try (throw (ex-info \"boom\" {})) (catch :ex-info e :any-ex-info))", ":any-ex-info")]
    [InlineData("(try (throw 42) (catch :default e (inc e)))", "43")]
    [InlineData("(try (throw 42) (catch :mine e :no) (catch e e))", "42")]
    [InlineData("(try (try (/ 1 0) (catch :io-error e :io)) (catch :arithmetic-error e :outer))", ":outer")]
    [InlineData("(let [log (atom [])] (try (try (/ 1 0) (catch :io-error e :io) (finally (swap! log conj :f))) (catch e (swap! log conj :c))) @log)", "[:f :c]")]
    public void Catch_clauses_choose_by_type_in_order(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void A_value_no_catch_clause_takes_is_thrown_on_with_its_origin_and_trace()
    {
        var d = host.Fails("(defn g [x] (/ x 0))\n(defn f [x]\n  (try (g x) (catch :io-error e :io)))\n(f 1)", DiagnosticIds.DivideByZero);
        Assert.Equal(1, d.Span!.Line); // still located where it was raised
        Assert.Equal("g", d.StackTrace[0].FunctionName);
        Assert.Contains(d.StackTrace, frame => frame.FunctionName == "<top-level>");

        var again = host.Fails("(defn h [] (/ 1 0))\n(try (h) (catch e (throw e)))", DiagnosticIds.DivideByZero);
        Assert.Equal("h", again.StackTrace[0].FunctionName); // a handler's rethrow keeps the trace too
    }

    [Fact]
    public void Throw_accepts_any_value_and_catch_binds_it()
    {
        Assert.Equal(43L, host.Eval("(try (throw 42) (catch e (inc e)))"));
        Assert.Equal("{:a 1}", host.Show("(try (throw {:a 1}) (catch e e))"));
        Assert.Equal("[\"boom\" {:x 1}]", host.Show("(try (throw (ex-info \"boom\" {:x 1})) (catch e [(ex-message e) (ex-data e)]))"));
    }

    [Fact]
    public void Runtime_errors_are_caught_as_values_with_message_type_and_location()
    {
        var shown = host.Show("(try\n  (/ 1 0)\n  (catch e [(ex-message e) (:type e) (:line e) (get (ex-data e) :line)]))");
        Assert.Equal("[\"integer division by zero\" :arithmetic-error 2 2]", shown);
    }

    [Fact]
    public void Finally_runs_on_success_and_on_error()
    {
        host.Eval("(def log (atom []))");
        host.Eval("(try 1 (finally (swap! log conj :a)))");
        host.Eval("(try (throw 1) (catch e nil) (finally (swap! log conj :b)))");
        var result = host.Engine.Eval("(try (throw 1) (finally (swap! log conj :c)))");
        Assert.False(result.Success);
        Assert.Equal("[:a :b :c]", host.Show("@log"));
    }

    [Fact]
    public void Uncaught_throw_is_reported_with_the_value()
    {
        var d = host.Fails("(throw :oops)", DiagnosticIds.UncaughtThrow);
        Assert.Contains(":oops", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fn_supports_arities_rest_parameters_and_a_self_name()
    {
        Assert.Equal("[0 1 (2 3)]", host.Show("(let [f (fn ([] 0) ([x] x) ([x & r] r))] [(f) (f 1) (f 1 2 3)])"));
        Assert.Equal(55L, host.Eval("((fn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) 10)"));
        host.Fails("((fn [x] x))", DiagnosticIds.WrongArity);
    }

    [Fact]
    public void Closures_capture_values_from_enclosing_functions()
    {
        Assert.Equal(15L, host.Eval("(defn adder [n] (fn [x] (+ x n))) ((adder 10) 5)"));
        Assert.Equal(6L, host.Eval("(defn curry3 [a] (fn [b] (fn [c] (+ a b c)))) (((curry3 1) 2) 3)"));
        Assert.Equal("(0 1 2)", host.Show("(map (fn [f] (f)) (loop [i 0 fs []] (if (< i 3) (recur (inc i) (conj fs (fn [] i))) fs)))"));
    }

    [Fact]
    public void Deffunc_checks_annotated_types_at_call_and_return()
    {
        host.Eval("(deffunc add (a b) (:args integer integer) (:return integer) (+ a b))");
        Assert.Equal(7L, host.Eval("(add 3 4)"));
        var d = host.Fails("(add 1 \"x\")", DiagnosticIds.TypeAnnotationMismatch);
        Assert.Contains("`b`", d.Message, StringComparison.Ordinal);
        host.Eval("(deffunc half [x] (:args float) (:return integer) (/ x 2))");
        var r = host.Fails("(half 3.0)", DiagnosticIds.TypeAnnotationMismatch);
        Assert.Contains("return value", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deffunc_treats_go_type_names_as_any_and_keeps_annotations_without_them()
    {
        host.Eval("(deffunc id (x) (:args *ast.File) (:return error) x)");
        Assert.Equal("\"s\"", host.Show("(id \"s\")"));
        host.Eval("(deffunc plain (a b) (* a b))");
        Assert.Equal(6L, host.Eval("(plain 2 3)"));
    }

    [Fact]
    public void Keywords_maps_sets_and_vectors_are_callable()
    {
        Assert.Equal("[1 2 :x nil 30]", host.Show("[(:a {:a 1}) ({:b 2} :b) (#{:x} :x) (:zz {} nil) ([10 20 30] 2)]"));
    }

    [Fact]
    public void Redefining_a_core_primitive_is_seen_by_existing_call_sites()
    {
        host.Eval("(defn add1 [x] (+ x 1))");
        Assert.Equal(2L, host.Eval("(add1 1)"));
        host.Eval("(def + (fn [a b] (* a b)))");
        Assert.Equal(5L, host.Eval("(add1 5)"));
    }

    [Fact]
    public void A_top_level_do_makes_earlier_macros_usable_later_in_it()
    {
        Assert.Equal(3L, host.Eval("(do (defmacro three [] 3) (three))"));
    }

    [Fact]
    public void Values_print_readably_as_results()
    {
        Assert.Equal("(1 \"a\" :k [nil true])", host.Show("'(1 \"a\" :k [nil true])"));
        Assert.IsAssignableFrom<ZFunction>(host.Eval("(fn [x] x)"));
    }

    [Fact]
    public void Eval_output_goes_to_the_options_writer()
    {
        host.Eval("(println \"hi\" nil 1) (print [\"a\"]) (prn \"a\")");
        Assert.Equal("hi nil 1\n[a]\"a\"\n", host.Out.ToString());
    }

    [Fact]
    public void Set_global_defines_values_for_the_repl()
    {
        host.Engine.SetGlobal("*1", 41L);
        Assert.Equal(42L, host.Eval("(inc *1)"));
        Assert.Contains("map", host.Engine.GlobalNames);
        Assert.DoesNotContain(host.Engine.GlobalNames, n => n.StartsWith('%'));
    }

    [Fact]
    public void Vars_print_as_their_names() => Assert.Equal("#'x", new Var("x").ToString());

    [Fact]
    public void Symbols_in_results_keep_no_namespace()
    {
        var value = host.Eval("'foo");
        Assert.Equal(Symbol.Of("foo"), value);
    }
}
