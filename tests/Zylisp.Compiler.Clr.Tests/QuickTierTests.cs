using System.Reflection;
using System.Reflection.Emit;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Compiler.Clr.Tests.Support;
using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>The il engine's quick tier: fresh code compiled unoptimized, promoted once hot (docs/design/il-backend.md, "The quick tier").</summary>
public class QuickTierTests
{
    private static Engine EngineWith(IlEngine il) =>
        new(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null, CreateExecutionEngine = () => il });

    private static CompiledTemplate TemplateOf(Engine engine, string name) =>
        Assert.IsType<CompiledFunction>(engine.Eval(name).Value).Template;

    private static bool IsUnoptimized(CompiledTemplate template) =>
        template.Arities.All(a => a.Body.Method.MethodImplementationFlags.HasFlag(MethodImplAttributes.NoOptimization));

    [Fact]
    public void A_fresh_fn_runs_unoptimized_code_until_its_calls_reach_the_threshold_then_optimized_code_with_the_same_identity()
    {
        var engine = EngineWith(new IlEngine(promotionThreshold: 5));
        Assert.True(engine.Eval("(defn add3 [x] (+ x 3)) (def keep add3)").Success);
        var template = TemplateOf(engine, "add3");
        Assert.True(template.IsQuickTier);
        Assert.True(IsUnoptimized(template));

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(10L, engine.Eval("(add3 7)").Value);
        }

        Assert.True(template.IsQuickTier);
        Assert.Equal(10L, engine.Eval("(add3 7)").Value);
        Assert.False(template.IsQuickTier);
        Assert.All(template.Arities, a => Assert.IsType<DynamicMethod>(a.Body.Method, exactMatch: false));
        Assert.False(IsUnoptimized(template));
        Assert.Same(template, TemplateOf(engine, "add3"));
        Assert.Equal(true, engine.Eval("(identical? keep add3)").Value);
        Assert.Equal(11L, engine.Eval("(keep 8)").Value);
    }

    [Fact]
    public void Loop_back_edges_count_so_a_fn_called_once_with_a_long_loop_is_promoted_for_its_next_call()
    {
        var engine = EngineWith(new IlEngine(promotionThreshold: 100));
        // Not an integer kernel (it calls first, rest, empty?), so it has no typed method and starts quick.
        Assert.True(engine.Eval("(defn total [xs] (loop [xs xs acc 0] (if (empty? xs) acc (recur (rest xs) (+ acc (first xs))))))").Success);
        var template = TemplateOf(engine, "total");
        Assert.True(template.IsQuickTier);
        // No on-stack replacement: the running activation finishes in the quick code.
        Assert.Equal(500500L, engine.Eval("(total (range 1001))").Value);
        Assert.False(template.IsQuickTier);
        Assert.Equal(5050L, engine.Eval("(total (range 101))").Value);
    }

    [Fact]
    public void Typed_kernels_are_optimized_at_once()
    {
        var engine = EngineWith(new IlEngine(promotionThreshold: 1_000_000));
        Assert.True(engine.Eval("(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))").Success);
        var template = TemplateOf(engine, "fib");
        Assert.False(template.IsQuickTier);
        Assert.False(IsUnoptimized(template));
        Assert.Equal(6765L, engine.Eval("(fib 20)").Value);
    }

    [Fact]
    public void Without_a_threshold_everything_is_optimized_at_once()
    {
        var engine = EngineWith(new IlEngine(promotionThreshold: 0));
        Assert.True(engine.Eval("(defn add3 [x] (+ x 3))").Success);
        var template = TemplateOf(engine, "add3");
        Assert.False(template.IsQuickTier);
        Assert.False(IsUnoptimized(template));
    }

    [Fact]
    public void Quick_and_promoted_code_give_the_interpreters_output_errors_and_traces()
    {
        // Promotion mid-program (threshold 3): nested fns, closures, variadic and multiple arities,
        // a redefined primitive (quick code calls primitives, optimized code inlines them), errors.
        const string source = """
            (defn adder [k] (fn [x] (+ x k)))
            (defn many ([] 0) ([a] a) ([a b & more] (+ a b (count more))))
            (defn walk [xs] (loop [xs xs acc []] (if (empty? xs) acc (recur (rest xs) (conj acc ((adder 10) (first xs)))))))
            (defn boom [x] (if (> x 4) (throw (ex-info "too big" {:x x})) x))
            (defn caller [x] (boom x))
            (dotimes [i 6] (println (walk [i 1 2]) (many) (many i) (many i 2 3 4) (try (caller i) (catch e (:message e)))))
            (def + (fn [a b] (* a b)))
            (dotimes [i 3] (println (walk [i 5]) (many 2 3)))
            (caller 7)
            """;
        var expected = Runs.Source(source, engine: null);
        Assert.Equal(expected, Runs.Source(source, new IlEngine(promotionThreshold: 3)));
        Assert.Equal(expected, Runs.Source(source, new IlEngine()));
        Assert.Contains("ZL", expected.Stderr, StringComparison.Ordinal);
    }
}
