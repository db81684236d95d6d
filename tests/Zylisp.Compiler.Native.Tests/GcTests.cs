namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The native heap's collector (Emit/RuntimeCollector.cs): garbage is reclaimed, live data survives
/// collections, a heap that cannot grow is a clean error. The address-space limit (ulimit -v) makes
/// "reclaimed" observable: without collection these programs need far more memory than they get.
/// </summary>
public sealed class GcTests
{
    /// <summary>256 MiB of address space: the program's chunks, its mark stack and its code.</summary>
    private const int SmallAddressSpaceKiB = 256 * 1024;

    /// <summary>About 1.6 GB of short-lived vectors: only reclaiming them fits in 256 MiB.</summary>
    private const string Churn = """
        (defn churn [n acc]
          (if (= n 0) acc
              (let [v [n n n n n n n n n n n n n n]]
                (recur (- n 1) (+ acc (count v))))))
        (defn -main [] (println (churn 12000000 0)))
        """;

    [NativeFact]
    public void Short_lived_objects_are_reclaimed()
    {
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(NativeRunner.Collect(Churn)), SmallAddressSpaceKiB);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("168000000\n", outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void A_long_live_list_survives_collections_without_deep_marking()
    {
        // 400,000 cells reached only through each other: marking them recursively would need
        // a deep machine stack; the churn around them forces collections while they are live.
        var outcome = NativeRunner.CompileAndRun("""
            (defn build [n acc] (if (= n 0) acc (recur (- n 1) (cons n acc))))
            (defn total [xs acc] (if (empty? xs) acc (recur (rest xs) (+ acc (first xs)))))
            (defn churn [n] (if (= n 0) 0 (do [n n n n] (recur (- n 1)))))
            (defn -main []
              (let [xs (build 400000 '())]
                (churn 300000)
                (println (total xs 0) (first xs) (count xs))))
            """);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("80000200000 1 400000\n", outcome.Stdout);
    }

    [NativeFact]
    public void A_wide_vector_grows_the_mark_stack()
    {
        // 300,000 live objects in one vector: more than the first mark stack holds (131,072
        // entries), so marking it doubles the mark stack while a collection is under way.
        var outcome = NativeRunner.CompileAndRun("""
            (defn build [n acc] (if (= n 0) acc (recur (- n 1) (cons [(- n 1)] acc))))
            (defn churn [n] (if (= n 0) 0 (do [n n n n] (recur (- n 1)))))
            (defn total [v i acc] (if (= i (count v)) acc (recur v (+ i 1) (+ acc (first (nth v i))))))
            (defn -main []
              (let [v (apply vector (build 300000 '()))]
                (churn 300000)
                (println (count v) (total v 0 0))))
            """);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("300000 44999850000\n", outcome.Stdout);
    }

    [NativeFact]
    public void A_million_cons_list_and_a_deeply_nested_vector_mark_in_constant_stack_depth()
    {
        // The mark (Library/05-heap.zl) pops one block at a time off its own stack: a list of 10^6
        // conses and a vector nested 10^5 deep, each reached only through the one before, stay
        // live across the collections the churn forces. A recursive mark would overflow the
        // machine stack; a mark that dropped an entry would lose the tail of either.
        var outcome = NativeRunner.CompileAndRun("""
            (defn build [n acc] (if (= n 0) acc (recur (- n 1) (cons n acc))))
            (defn nest [n acc] (if (= n 0) acc (recur (- n 1) [acc n])))
            (defn total [xs acc] (if (empty? xs) acc (recur (rest xs) (+ acc (first xs)))))
            (defn depth [v acc] (if (= (count v) 0) acc (recur (first v) (+ acc (second v)))))
            (defn churn [n] (if (= n 0) 0 (do [n n n n] (recur (- n 1)))))
            (defn -main []
              (let [xs (build 1000000 '())
                    v (nest 100000 [])]
                (churn 4000000)
                (println (total xs 0) (count xs) (depth v 0))))
            """);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("500000500000 1000000 5000050000\n", outcome.Stdout);
    }

    [NativeFact]
    public void Cycles_closures_and_lazy_seqs_keep_what_they_reach_under_stress_collections()
    {
        // A collection on every allocation, with values reachable only through each object type
        // that holds values: a ring of atoms (a cycle, which the mark must stop on: each block is
        // pushed once, when it is marked), closures over run-time strings and vectors, a lazy seq
        // half realized with its thunk still pending, a map and a set with computed keys, an
        // error value. A type whose fields the mark skipped would print a freed block's contents.
        const string Program = """
            (defn ring [n]
              (let [atoms (vec (map (fn [i] (atom (str "a" i))) (range n)))]
                (doseq [i (range n)]
                  (reset! (nth atoms i) [(str "node" i) (nth atoms (mod (+ i 1) n))]))
                (first atoms)))
            (defn walk [a steps acc]
              (if (= steps 0) acc (recur (second @a) (- steps 1) (conj acc (first @a)))))
            (defn adders [n] (vec (map (fn [i] (let [v (vec (range i))] (fn [x] (+ x (count v) (count (str "s" i)))))) (range n))))
            (defn squares [] (map (fn [i] (str i ":" (* i i))) (iterate inc 0)))
            (defn -main []
              (let [start (ring 12)
                    fs (adders 30)
                    sq (squares)
                    early (doall (take 5 sq))
                    m (into {} (map (fn [i] [(str "k" i) [i (str "v" i)]]) (range 40)))
                    s (set (map (fn [i] (str "e" i)) (range 40)))
                    e (try (throw (ex-info (str "boom" 7) {:at (str "here" 8)})) (catch :default x x))]
                (dotimes [i 50] (vector i (str i)))
                (println (walk start 25 []))
                (println (reduce + (map (fn [f] (f 1)) fs)))
                (println early (nth sq 40) (first (drop 60 sq)))
                (println (get m "k39") (count m) (contains? s "e17") (count s))
                (println (ex-message e) (ex-data e))))
            """;
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(
            NativeRunner.Collect(Program), new NativeOptions(GcStressInterval: 1)));
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(NativeLibraryTests.Interpreted(Program), outcome.Stdout);
    }

    [NativeFact]
    public void Small_objects_made_between_copies_of_a_growing_vector_do_not_fragment_the_heap()
    {
        // map builds its result by copying a vector per item (O(n^2) bytes, 1.6 GB here) while it
        // makes one small live vector per item. Were the small ones left between the garbage
        // copies, no copy's space could be reused and the heap would grow past the 256 MiB limit.
        var program = NativeRunner.Collect("(defn -main [] (println (count (map (fn [i] [i]) (range 20000)))))");
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(program), SmallAddressSpaceKiB);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("20000\n", outcome.Stdout);
    }

    [NativeFact]
    public void Large_requests_do_not_walk_past_every_small_hole()
    {
        // 20,000 small holes (the garbage strings between live ones) and then 200,000 vectors of
        // 336 bytes: with one first-fit list each of them walked every hole (2.8 s of CPU); with
        // the holes on their own list it takes milliseconds. The guard is the runner's 10 s limit.
        var outcome = NativeRunner.CompileAndRun("""
            (defn build [n acc]
              (if (= n 0) acc (let [g (str "garbage" n)] (recur (- n 1) (cons (str "k" n) acc)))))
            (defn churn [n acc]
              (if (= n 0) acc
                  (let [v [n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n n]]
                    (recur (- n 1) (+ acc (count v))))))
            (defn -main [] (let [xs (build 20000 '())] (println (churn 2000000 0) (count xs) (first xs))))
            """);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("80000000 20000 k1\n", outcome.Stdout);
    }

    [NativeFact]
    public void Running_out_of_memory_is_a_clean_error_with_status_1()
    {
        var program = NativeRunner.Collect("""
            (defn hoard [n acc] (recur (+ n 1) (cons [n n n n n n n n] acc)))
            (defn -main [] (hoard 0 '()))
            """);
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(program), SmallAddressSpaceKiB);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("error: out of memory: the heap could not grow\n", outcome.Stderr);
    }

    [NativeFact]
    public void Stress_mode_collects_on_every_allocation_and_keeps_every_value()
    {
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(
            NativeRunner.Collect("""
                (defn pairs [n acc] (if (= n 0) acc (recur (- n 1) (conj acc [n (str "k" n)]))))
                (defn -main []
                  (let [ps (pairs 300 [])
                        m (reduce (fn [m p] (assoc m (first p) (second p))) {} ps)]
                    (println (count ps) (get m 7) (get m 300) (last ps))))
                """),
            new NativeOptions(GcStressInterval: 1)));
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("300 k7 k300 [1 k1]\n", outcome.Stdout);
    }

    [NativeFact]
    public void Free_runs_of_every_length_merge_and_the_live_blocks_between_them_keep_their_starts()
    {
        // The sweep (Library/05-heap.zl) forgets the block starts inside each free run a bitmap
        // word at a time. Garbage strings of 24 to 670 bytes between live vectors and strings make
        // runs of every length and bitmap alignment, small and large; with a collection on every
        // allocation, one live start forgotten (or one stale start kept) shows at once.
        const string Program = """
            (def text (apply str (repeat 700 "x")))
            (defn build [n acc]
              (if (= n 0) acc
                  (let [garbage (subs text 0 (mod (* n 37) 650))
                        kept (if (= (mod n 3) 0) (subs text 0 (mod n 300)) n)]
                    (recur (- n 1) (conj acc [n (count garbage) kept])))))
            (defn total [v i acc]
              (if (= i (count v)) acc
                  (let [[n c k] (nth v i)]
                    (recur v (+ i 1) (+ acc n c (if (string? k) (count k) k))))))
            (let [v (build 900 [])]
              (println (count v) (total v 0 0) (nth v 450) (nth v 899)))
            """;
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(
            NativeRunner.Collect(Program, "test.zl", ExitRule.LastValue), new NativeOptions(GcStressInterval: 1)));
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(NativeLibraryTests.Interpreted(Program), outcome.Stdout);
    }

    [NativeFact]
    public void In_process_runs_collect_and_give_the_heap_back()
    {
        var program = NativeRunner.Collect(Churn.Replace("12000000", "1000000", StringComparison.Ordinal));
        Assert.Equal(0, NativeCompiler.RunInProcess(program, []));
        Assert.Equal(0, NativeCompiler.RunInProcess(program, [], new NativeOptions(GcStressInterval: 1000)));
    }
}
