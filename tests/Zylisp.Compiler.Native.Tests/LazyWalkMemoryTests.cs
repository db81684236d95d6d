namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Walking a lazy sequence without holding its head runs in constant memory natively (issue 13).
/// Each walk realizes a million cells (about 100 MB were any early cell kept alive) under a 64 MiB
/// address-space limit, so a root that keeps an early cell makes the heap fail to grow: "out of
/// memory", exit 1. Each case is one root the conservative collector used to find
/// (docs/design/native-backend.md, "Roots").
/// </summary>
public sealed class LazyWalkMemoryTests
{
    private const int AddressSpaceKiB = 64 * 1024;

    private static void WalksInBoundedMemory(string source, string expected)
    {
        var image = NativeCompiler.BuildExecutable(NativeRunner.Collect(source));
        var outcome = NativeRunner.RunExecutable(image, AddressSpaceKiB);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(expected, outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void A_lazy_seq_whose_closure_captures_three_values()
    {
        // The heap's end, in the collector's own cells, was scanned as "one past the heap's
        // topmost block": with these cell sizes that block was a cons cell of the walk.
        WalksInBoundedMemory("""
            (defn nums [x y] (lazy-seq (when (< x 1000000) (cons x (nums (inc x) y)))))
            (prn (count (nums 0 7)))
            """, "1000000\n");
    }

    [NativeFact]
    public void Reduce_over_take_of_an_infinite_range()
    {
        // reduce's prologue spilled rcx, which still held the range's first cell from `take`.
        WalksInBoundedMemory("(prn (reduce + (take 1000000 (range))))", "499999500000\n");
    }

    [NativeFact]
    public void Count_of_take_of_iterate()
    {
        // seq-count's alignment slot kept what an earlier call had left at that stack address.
        WalksInBoundedMemory("(prn (count (take 1000000 (iterate inc 0))))", "1000000\n");
    }

    [NativeFact]
    public void Map_and_filter_walks()
    {
        WalksInBoundedMemory("""
            (prn (dorun (map inc (range 1000000))))
            (prn (count (filter even? (range 1000000))))
            """, "nil\n500000\n");
    }
}
