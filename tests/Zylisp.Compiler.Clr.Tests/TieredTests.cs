using Zylisp.Compiler.Clr.Tests.Support;
using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

public class TieredTests
{
    [Fact]
    public void One_shot_code_is_never_compiled()
    {
        var tiers = new CountingTierCompiler(TieredEngine.DefaultThreshold);
        var outcome = Runs.Source("(defn greet [n] (str \"hello \" n))\n(println (greet \"world\"))\n(println (+ 1 2))", new EngineOptions { CreateExecutionEngine = () => tiers });
        Assert.Equal("hello world\n3\n", outcome.Stdout);
        Assert.Equal(0, tiers.Compiled);
    }

    [Fact]
    public void A_hot_function_is_compiled_and_keeps_its_identity()
    {
        var tiers = new CountingTierCompiler(threshold: 10);
        var source = """
            (defn sq [x] (* x x))
            (def held sq)
            (def in-vector [sq])
            (println (reduce + (map sq (range 100))))
            (println (identical? held sq) (identical? (first in-vector) sq) (held 12) ((first in-vector) 3))
            """;
        var outcome = Runs.Source(source, new EngineOptions { CreateExecutionEngine = () => tiers });
        Assert.Equal("328350\ntrue true 144 9\n", outcome.Stdout);
        Assert.True(tiers.Compiled >= 1);
    }

    [Fact]
    public void A_hot_loop_compiles_its_function()
    {
        var tiers = new CountingTierCompiler(threshold: 100);
        var outcome = Runs.Source("(defn spin [n] (loop [i 0] (if (< i n) (recur (inc i)) i)))\n(println (spin 1000))\n(println (spin 5))", new EngineOptions { CreateExecutionEngine = () => tiers });
        Assert.Equal("1000\n5\n", outcome.Stdout);
        Assert.Equal(1, tiers.Compiled);
    }

    [Fact]
    public void Tail_calls_alternating_between_compiled_and_interpreted_functions_need_no_stack()
    {
        // ping is compiled before the chain starts; the redefined pong starts interpreted, so the
        // chain's first thousand steps alternate compiled and interpreted functions.
        var tiers = new CountingTierCompiler(threshold: 1000);
        var source = """
            (defn ping [n] (if (= n 0) :done (pong (dec n))))
            (defn pong [n] (if (= n 0) :done (ping (dec n))))
            (dotimes [_ 3000] (ping 1))
            (defn pong [n] (if (= n 0) :done (ping (dec n))))
            (println (ping 1000000))
            """;
        var outcome = Runs.Source(source, new EngineOptions { CreateExecutionEngine = () => tiers });
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(":done\n", outcome.Stdout);
    }
}
