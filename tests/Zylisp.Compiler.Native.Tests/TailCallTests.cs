namespace Zylisp.Compiler.Native.Tests;

/// <summary>Tail calls need no stack, also with more arguments than the six argument registers.</summary>
public sealed class TailCallTests
{
    [NativeFact]
    public void A_self_tail_call_with_eight_arguments_runs_a_million_times()
    {
        var outcome = NativeRunner.CompileAndRun(
            "(defn down [n a b c d e f g] (if (= n 0) (+ a b c d e f g) (down (dec n) a b c d e f (inc g))))" +
            " (defn -main [] (prn (down 1000000 1 2 3 4 5 6 0)) 0)");
        Assert.Equal("1000021\n", outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void Mutual_tail_calls_with_nine_arguments_reuse_the_stack_slots()
    {
        var outcome = NativeRunner.CompileAndRun(
            "(declare pong) (defn ping [n a b c d e f g h] (if (= n 0) (str a b c d e f g h) (pong (dec n) b c d e f g h a)))" +
            " (defn pong [n a b c d e f g h] (if (= n 0) (str a b c d e f g h) (ping (dec n) b c d e f g h a)))" +
            " (defn -main [] (prn (ping 1000001 1 2 3 4 5 6 7 8)) (prn (str 1 2 3 4 5 6 7 8)) 0)");
        Assert.Equal("\"23456781\"\n\"12345678\"\n", outcome.Stdout);
    }
}
