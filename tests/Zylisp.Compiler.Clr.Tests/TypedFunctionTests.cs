using Zylisp.Compiler.Clr.Tests.Support;
using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>Typed deffuncs run unboxed on IL; every result, error and trace is still the interpreter's.</summary>
public class TypedFunctionTests
{
    private static Outcome SameOnAll(string source)
    {
        var expected = Runs.Source(source, engine: null);
        Assert.Equal(expected, Runs.Source(source, new IlEngine()));
        Assert.Equal(expected, Runs.Source(source, new EngineOptions { CreateExecutionEngine = () => new TieredEngine(threshold: 1) }));
        return expected;
    }

    [Fact]
    public void Typed_recursion_loops_and_wrapping_arithmetic()
    {
        var outcome = SameOnAll("""
            (deffunc fib (n) (:args integer) (:return integer) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
            (deffunc sum-to (n) (:args integer) (:return integer) (loop [i 0 acc 0] (if (> i n) acc (recur (inc i) (+ acc i)))))
            (deffunc wrap (x) (:args integer) (:return integer) (* x 9223372036854775807))
            (deffunc count-down (n) (:args integer) (:return integer) (if (= n 0) 0 (count-down (dec n))))
            (deffunc avg (a b) (:args float float) (:return float) (* (+ a b) 0.5))
            (deffunc between (x lo hi) (:args float float float) (:return bool) (if (<= lo x) (<= x hi) false))
            (println (fib 20) (sum-to 1000) (wrap 3) (count-down 5000) (avg 1.0 2.5) (between 2.0 1.0 3.0) (between (/ 0.0 0.0) 1.0 3.0))
            """);
        Assert.Equal("6765 500500 9223372036854775805 0 1.75 true false\n", outcome.Stdout);
    }

    [Fact]
    public void The_boxed_entry_checks_types_with_the_interpreters_errors()
    {
        SameOnAll("""
            (deffunc twice (n) (:args integer) (:return integer) (* 2 n))
            (println (twice 21))
            (println (try (twice "x") (catch e (:message e))))
            (println (try (twice 1.5) (catch e (:message e))))
            (twice nil)
            """);
    }

    [Fact]
    public void Deep_typed_recursion_hits_the_depth_limit_naming_the_function()
    {
        var outcome = SameOnAll("""
            (deffunc deep (n) (:args integer) (:return integer) (if (= n 0) 0 (+ 1 (deep (- n 1)))))
            (println (deep 1000))
            (println (try (deep 100000) (catch e (:type e))))
            (deep 100000)
            """);
        Assert.Contains("ZL5005", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Redefining_a_primitive_falls_back_to_the_boxed_code()
    {
        SameOnAll("""
            (deffunc add3 (n) (:args integer) (:return integer) (+ n 3))
            (println (add3 1))
            (def + (fn [a b] (* a b)))
            (println (add3 5))
            """);
    }

    [Fact]
    public void Inlined_self_calls_keep_the_depth_limit_and_the_trace_exact()
    {
        // Two self-call sites (inlined up to three levels, the entry checks hoisted to one test per
        // frame), a call nested in another's argument, and the limit reached inside the frame's own
        // activation and each inlined one (down: four levels a frame; at-depth starts it at every
        // alignment of frames to the limit): same error, same trace.
        var outcome = SameOnAll("""
            (deffunc fib (n) (:args integer) (:return integer) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
            (deffunc tree (n) (:args integer) (:return integer) (if (= n 0) 0 (+ (tree (- n 1)) (tree (- n 1)))))
            (deffunc nest (n) (:args integer) (:return integer) (if (<= n 0) 0 (nest (- (nest (- n 1)) 1))))
            (deffunc down (n k) (:args integer integer) (:return integer) (if (= n 0) k (+ 1 (down (- n 1) (+ k 1)))))
            (println (fib 25) (tree 10) (nest 20) (down 100 0))
            (println (try (tree 20000) (catch e (:type e))))
            (println (try (nest 10000) (catch e (:type e))))
            (defn at-depth [d n] (if (= d 0) (down n 0) (+ 0 (at-depth (- d 1) n))))
            (println (map (fn [d] (try (at-depth d 10001) (catch e (:type e)))) [0 1 2 3 4 5 6 7]))
            (println (map (fn [d] (try (at-depth d 9990) (catch e (:type e)))) [0 1 2 3 4 5 6 7 8 9 10 11]))
            (println (try (down 9998 0) (catch e (:type e))))
            (println (try (down 9999 0) (catch e (:type e))))
            (println (try (down 10000 0) (catch e (:type e))))
            (down 10001 0)
            """);
        Assert.StartsWith("75025 0 0 200\n", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("ZL5005", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_recursion_without_loops_stops_on_interrupt()
    {
        // No back edge to poll: the entries of the self calls poll (docs/design/il-backend.md).
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null, CreateExecutionEngine = () => new IlEngine() });
        var result = engine.Eval(
            "(deffunc tree (n) (:args integer) (:return integer) (if (= n 0) 1 (+ (tree (- n 1)) (tree (- n 1)))))\n(tree 60)",
            "<test>",
            cancel.Token);
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == "ZL5010");
    }

    [Fact]
    public void Unannotated_integer_kernels_run_typed_only_while_their_arguments_are_integers()
    {
        var outcome = SameOnAll("""
            (defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
            (defn sum-to [n] (loop [i 0 acc 0] (if (> i n) acc (recur (inc i) (+ acc i)))))
            (defn wraps [n] (if (= n 0) 9223372036854775807 (+ 1 (wraps (- n 1)))))
            (defn even-steps? [n] (if (< n 2) (= n 0) (even-steps? (- n 2))))
            (println (fib 20) (fib 20.0) (fib 10.5) (sum-to 1000) (sum-to 10.5) (wraps 3) (even-steps? 10) (even-steps? 7))
            (println (try (fib "x") (catch e (:message e))))
            (println (identical? (sum-to 100000) (sum-to 100000)))
            (def + (fn [a b] (- a b)))
            (println (fib 10) (sum-to 10))
            (fib nil)
            """);
        Assert.StartsWith("6765 6765.0 ", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_loops_stop_on_interrupt()
    {
        // The back edge reads the token every 1,024 iterations (docs/design/il-backend.md).
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null, CreateExecutionEngine = () => new IlEngine() });
        var result = engine.Eval(
            "(deffunc spin (n) (:args integer) (:return integer) (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc i)) acc)))\n(spin 9223372036854775807)",
            "<test>",
            cancel.Token);
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == "ZL5010");
    }
}
