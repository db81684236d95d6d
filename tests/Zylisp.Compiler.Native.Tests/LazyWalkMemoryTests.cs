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

    [NativeFact]
    public void A_parameter_read_once_is_cleared_before_the_call_that_walks_it()
    {
        // Locals clearing (Emit/SingleUseTemps.cs): f's frame must not keep s while count walks it.
        WalksInBoundedMemory("""
            (defn f [s] (+ 1 (count s)))
            (defn g [n] (let [s (map inc (range n)) k 2] (* k (count s))))
            (prn (f (map inc (range 1000000))) (g 1000000))
            """, "1000001 2000000\n");
    }

    [NativeFact]
    public void A_local_read_once_inside_a_loop_is_not_cleared()
    {
        // One read in the source, run on every iteration: clearing it would make later counts 0.
        const string source = """
            (defn g [s n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc (count s))) acc)))
            (defn h [n] (let [v [1 2]] (loop [i 0 acc []] (if (< i n) (recur (inc i) (conj acc (first v))) acc))))
            (defn k [s] (dotimes [_ 2] (prn (count s))))
            (prn (g [1 2 3] 3) (h 3))
            (k [1 2])
            """;
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
        Assert.Equal("9 [1 1 1]\n2\n2\n", outcome.Stdout);
    }

    [NativeFact]
    public void A_loop_whose_local_starts_as_a_parameter_or_let_local()
    {
        // (loop [s xs] ...) copies xs into the loop's slot; the move clears xs's slot, so only the
        // loop local (which recur overwrites) refers to the walk.
        WalksInBoundedMemory("""
            (defn f [xs] (loop [s xs c 0] (if (seq s) (recur (rest s) (inc c)) c)))
            (defn g [n] (let [xs (map inc (range n))] (loop [s xs c 0] (if-let [q (seq s)] (recur (rest q) (+ c (first q))) c))))
            (defn h [xs] (loop [[x & more] xs acc 0] (if x (recur more (+ acc x)) acc)))
            (prn (f (range 1000000)) (g 1000000) (h (map inc (range 1000000))))
            (prn (loop [s (range 1000000) n 0] (if (seq s) (recur (rest s) (inc n)) n)))
            """, "1000000 500000500000 500000500000\n1000000\n");
    }

    [NativeFact]
    public void Last_walks_a_lazy_sequence_without_keeping_it()
    {
        WalksInBoundedMemory("""
            (prn (last (range 1000000)) (last (map inc (range 1000000))))
            (prn (last (lazy-seq nil)) (last (filter odd? (range 0))) (last [1 2]) (last '(1 2 3)) (last "abc"))
            """, "999999 1000000\nnil nil 2 3 \"c\"\n");
    }
}
