using Zylisp.Compiler.Clr.Tests.Support;
using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>
/// The behaviours issue 9 names, each run on the interpreter and on IL with identical results:
/// output, exit code, and every diagnostic with its stack trace.
/// </summary>
public class IlSemanticsTests
{
    private static Outcome SameOnBoth(string source, EngineOptions? options = null)
    {
        var expected = Runs.Source(source, engine: null, options);
        var actual = Runs.Source(source, new IlEngine(), options);
        Assert.Equal(expected, actual);
        return actual;
    }

    [Fact]
    public void Mutual_recursion_a_million_deep_needs_no_stack()
    {
        var outcome = SameOnBoth("""
            (defn my-even? [n] (if (= n 0) true (my-odd? (- n 1))))
            (defn my-odd? [n] (if (= n 0) false (my-even? (- n 1))))
            (println (my-even? 1000000) (my-odd? 1000001))
            """);
        Assert.Equal("true true\n", outcome.Stdout);
    }

    [Fact]
    public void Non_tail_recursion_past_the_limit_raises_the_stack_overflow_error_naming_the_function()
    {
        var outcome = SameOnBoth("""
            (defn down [n] (if (= n 0) 0 (+ 1 (down (- n 1)))))
            (println (down 100))
            (println (try (down 100000) (catch e (str (:type e) " " (:message e)))))
            (down 100000)
            """);
        Assert.Contains("stack-overflow", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("ZL5005", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("down", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, outcome.ExitCode);
    }

    [Fact]
    public void Errors_carry_the_zylisp_stack_trace_through_nested_calls()
    {
        var outcome = SameOnBoth("""
            (defn inner [x] (+ x :k))
            (defn middle [x] (str "m" (inner x)))
            (defn outer [x] (list 1 (middle x) 2))
            (outer 5)
            """);
        Assert.Contains("inner", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("outer", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Try_in_value_position_with_values_on_the_stack()
    {
        var outcome = SameOnBoth("""
            (defn f [x] (list 1 (try (/ x 0) (catch e (:type e)) (finally (println "fin"))) (try x (finally (println "fin2"))) 3))
            (println (f 7))
            (println [(try (throw (ex-info "boom" {:a 1})) (catch e (ex-data e))) (+ 1 (try 2 (catch e 0)))])
            """);
        Assert.Equal("fin\nfin2\n(1 :arithmetic-error 7 3)\n[{:a 1} 3]\n", outcome.Stdout);
    }

    [Fact]
    public void Rethrown_errors_keep_their_trace_and_finally_runs_once()
    {
        SameOnBoth("""
            (defn boom [] (throw (ex-info "deep" {:k 1})))
            (defn relay [] (try (boom) (catch e (println "relay saw" (ex-message e)) (throw e)) (finally (println "relay finally"))))
            (defn top [] (try (relay) (finally (println "top finally"))))
            (top)
            """);
    }

    [Fact]
    public void Host_failures_inside_calls_become_the_interpreters_errors()
    {
        SameOnBoth("""
            (println (try (nth [1 2] 5) (catch e [(:type e) (:message e)])))
            (println (try (Integer/parseInt "x") (catch e (:type e))))
            (defn g [v] (subs "abc" v))
            (println (try (g 10) (catch e [(:type e) (:line e)])))
            (g 10)
            """);
    }

    [Fact]
    public void Redefinition_through_the_var_is_seen_by_compiled_callers()
    {
        var outcome = SameOnBoth("""
            (defn greet [] "old")
            (defn call-greet [] (greet))
            (println (call-greet))
            (defn greet [] "new")
            (println (call-greet))
            (def + -)
            (println (+ 5 3))
            """);
        Assert.Equal("old\nnew\n2\n", outcome.Stdout);
    }

    [Fact]
    public void Closures_arities_rest_and_recur()
    {
        var outcome = SameOnBoth("""
            (defn counter [start] (let [step 2] (fn [n] (+ start (* step n)))))
            (defn many ([] :zero) ([a] [:one a]) ([a b & more] [:many a b more]))
            (defn sum-to [n] (loop [i 0 acc 0] (if (> i n) acc (recur (inc i) (+ acc i)))))
            (defn count-down [n] (if (= n 0) :done (recur (dec n))))
            (defn fact ([n] (fact n 1)) ([n acc] (if (<= n 1) acc (recur (dec n) (* acc n)))))
            (println ((counter 10) 5) (many) (many 1) (many 1 2) (many 1 2 3 4))
            (println (sum-to 100000) (count-down 1000000) (fact 20) (fact 30))
            (println (map (fn self [x] (if (< x 1) 0 (+ x (self (dec x))))) [3 4]))
            (println (apply many [1 2 3]) (many 1 2 3 4 5 6 7))
            """);
        Assert.StartsWith("20 :zero [:one 1] [:many 1 2 nil] [:many 1 2 (3 4)]\n", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Arity_and_annotation_errors_match()
    {
        SameOnBoth("""
            (deffunc add (a b) (:args integer integer) (:return integer) (+ a b))
            (deffunc bad (a) (:args integer) (:return string) a)
            (println (add 1 2))
            (println (try (add 1 "x") (catch e (:message e))))
            (println (try (bad 1) (catch e (:message e))))
            (defn two [a b] a)
            (println (try (two 1) (catch e (:message e))))
            (two 1 2 3)
            """);
    }

    [Fact]
    public void Slisp_truthiness_is_kept()
    {
        var source = "(dialect :slisp)\n(println (if 0 \"yes\" \"no\") (if \"\" 1 2) (if (list) :t :f) (if (> 2 1) :gt :le))";
        var outcome = SameOnBoth(source);
        Assert.Equal("no 2 :f :gt\n", outcome.Stdout);
    }

    [Fact]
    public void A_main_without_parameters_runs_when_there_are_arguments()
    {
        var path = Path.Combine(Path.GetTempPath(), "zl-il-main-" + Guid.NewGuid().ToString("N") + ".zl");
        File.WriteAllText(path, "(defn -main [] (println \"hi\" *command-line-args*) 3)");
        try
        {
            var expected = Runs.File(path, ["a", "b"], engine: null);
            var actual = Runs.File(path, ["a", "b"], new IlEngine());
            Assert.Equal(expected, actual);
            Assert.Equal(3, actual.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Compiled_loops_stop_on_interrupt()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null, CreateExecutionEngine = () => new IlEngine() });
        var result = engine.Eval("(loop [i 0] (recur (inc i)))", "<test>", cancel.Token);
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == "ZL5010");
    }
}
