namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Equality written in the runtime's low-level typed subset (Library/37-equality.zl, the routine
/// %equals behind `equals`; docs/design/native-typed.md, "Equality"): each program prints what the
/// interpreter prints, for every pair of value types, for nested and large values equal and
/// unequal at their last item, and again with a collection on every allocation, where the walk's
/// heap stack and the lists it realizes from lazy seqs must survive the collector.
/// </summary>
public sealed class EqualityRoutineTests
{
    /// <summary>
    /// One value of each type, built at run time where the type allows it, so that the two lists
    /// compared hold distinct but equal objects (and, for the immediates, the same ones).
    /// </summary>
    private const string Samples = """
        (defrecord P [x])
        (defrecord Q [x])
        (def shared-atom (atom 1))
        (defn samples []
          [nil true false 0 1 -1 9223372036854775807 (- 0 9223372036854775807) 1.0 (/ 2.0 2) 0.0 -0.0 ##NaN ##Inf
           "" (subs "xa" 1) "a" "abcdefgh" (str "abcdefg" "h") (str "abcdefghij" 1) (str "abcdefghij" 2)
           :a (keyword "a") :b (keyword "abcdefghijk") 'a (symbol "a") (symbol "ns" "a")
           [] [1 2] (vector 1 2) [1 3] [1 2 3] [[1] "s"] () (list 1 2) (list 1 3) '([1] "s")
           (range 2) (map inc (range 2)) (lazy-seq nil) (cons 1 (lazy-seq (list 2))) (range 3)
           {} {:a 1} (hash-map :a 1) {:a 2} {:a [1 2]} {:a '(1 2)} {:a 1 :b 2} {:b 2 :a 1}
           #{} #{1 2} (hash-set 2 1) #{1 3} #{[1 2]} #{'(1 2)}
           #"a+" (re-pattern "a+") #"b"
           (->P 1) (->P 1) (->P 2) (->Q 1) (->P [1 2]) (->P '(1 2))
           shared-atom (atom 1) inc])
        """;

    /// <summary>Every pair of samples: a row of 1s and 0s per left-hand value.</summary>
    private static string Pairs => Samples + """

        (defn -main []
          (let [xs (samples)
                ys (samples)]
            (doseq [x xs]
              (println (apply str (map (fn [y] (if (= x y) 1 0)) ys))))
            (prn (= 1 1.0) (= 1.0 1) (= 0.0 -0.0) (= ##NaN ##NaN) (= ##NaN 0.0) (= ##Inf ##Inf) (= 9223372036854775807 9223372036854775807))
            (prn (= "a" :a) (= :a 'a) (= 'a "a") (= (keyword "a") (symbol "a")) (= [] {}) (= [] #{}) (= () nil) (= [] nil))
            (prn (= 1) (= 1 1 1) (= 1 1 2) (= [1] '(1) (range 1 2)) (= "a" "a" (str "a") (subs "ba" 1)))))
        """;

    /// <summary>
    /// Vectors, lists and lazy seqs of n items of each kind, equal and unequal at the last item;
    /// nested in the last item (no stack) and in the first (a frame per level); maps, sets and
    /// records holding them; and how far = realizes a lazy seq. (An infinite lazy seq on the left of
    /// a finite lazy seq is realized whole natively, as before the port, and runs out of memory;
    /// the interpreter walks both: docs/design/native-typed.md, "Left".)
    /// </summary>
    private static string Nested(int n) => $$$"""
        (defn nest-last [n x] (loop [i 0 v [x]] (if (< i n) (recur (inc i) [i v]) v)))
        (defn nest-first [n x] (loop [i 0 v [x]] (if (< i n) (recur (inc i) [v i]) v)))
        (defn nest-list [n x] (loop [i 0 v (list x)] (if (< i n) (recur (inc i) (list v (lazy-seq (list i)))) v)))
        (defn nest-lazy [n x] (loop [i 0 v [x]] (if (< i n) (recur (inc i) (map identity [v i])) v)))
        (defn changed-last [v x] (if (empty? v) [x] (assoc v (dec (count v)) x)))
        (defn -main []
          (let [n {{{n}}}
                ints (vec (range n))
                strs (mapv (fn [i] (str "item-" i)) (range n))
                kws (mapv (fn [i] (keyword (str "k" i))) (range n))
                vecs (mapv (fn [i] [i (str i) [i]]) (range n))
                maps (mapv (fn [i] {:i i :s (str i)}) (range n))]
            (doseq [v [ints strs kws vecs maps]]
              (let [copy (vec (seq v))]
                (prn (count v) (= v copy) (= v (apply list copy)) (= (apply list v) copy) (= v (map identity copy)) (= (map identity v) (seq copy))
                     (= v (changed-last copy :other)) (= v (conj copy 1)) (= (conj v 1) copy) (= (apply list v) (changed-last copy :other))
                     (= (map identity v) (changed-last copy :other)) (= v (vec (rest copy))))))
            (prn (= (nest-last n 1) (nest-last n 1)) (= (nest-last n 1) (nest-last n 2)) (= (nest-last n 1) (nest-last (inc n) 1)))
            (prn (= (nest-first n 1) (nest-first n 1)) (= (nest-first n 1) (nest-first n 2)) (= (nest-first n 1) (nest-first (inc n) 1)))
            (prn (= (nest-list n "x") (nest-list n (str "x"))) (= (nest-list n "x") (nest-list n "y")) (= (nest-list n :a) (nest-first n :a)))
            (prn (= {:v ints :s (set strs)} {:v (vec ints) :s (set (reverse strs))}) (= {:v ints} {:v (changed-last ints -1)})
                 (= (set vecs) (set (reverse vecs))) (= (set vecs) (set (changed-last vecs [])))
                 (= [(nest-first 20 {:a ints})] [(nest-first 20 {:a (apply list ints)})]))
            ;; The lists realized from lazy seqs are held only by the walk's stack while deeper levels
            ;; realize more (and the stack grows).
            (prn (= (nest-lazy n 1) (nest-lazy n 1)) (= (nest-lazy n 1) (nest-lazy n 2)) (= (nest-lazy n 1) (nest-first n 1)))
            (prn (= (range) (vec (range n))) (= (range n) (range)) (= (range n) (range (inc n))) (= (range n) (take n (iterate inc 0))))
            (let [seen (atom 0)
                  counted (fn [i] (swap! seen inc) i)]
              ;; Only a few items are realized (the exact number differs: natively to-list realizes
              ;; one more than the interpreter's walk, as before the port).
              (prn (= (map counted (range 100)) [0 1 2]) (< @seen 10))
              (prn (= [0 1 2 3] (map counted (range 100))) (< @seen 20))
              ;; A map of lazy seqs before a nested vector is compared twice (flat, then by the
              ;; walk): its seqs are realized once.
              (reset! seen 0)
              (prn (= [[{:a (map counted (range 3))} [n]]] [[{:a (map counted (range 3))} [n]]]) @seen))))
        """;

    /// <summary>Values nested 400,000 deep: the old assembly equals recursed per level and overflowed the 8 MiB stack.</summary>
    private const string Deep = """
        (defn nest-last [n] (loop [i 0 v []] (if (< i n) (recur (inc i) [v]) v)))
        (defn nest-first [n] (loop [i 0 v []] (if (< i n) (recur (inc i) [v i]) v)))
        (defn nest-list [n] (loop [i 0 v ()] (if (< i n) (recur (inc i) (list i v)) v)))
        (defn -main []
          (let [n 400000]
            (println (= (nest-last n) (nest-last n)) (= (nest-last n) (nest-last (dec n))))
            (println (= (nest-first n) (nest-first n)) (= (nest-first n) (assoc (nest-first n) 1 -1)))
            (println (= (nest-list n) (nest-list n)) (= (nest-list n) (vec (nest-list n))))))
        """;

    [NativeFact]
    public void Every_pair_of_types_compares_as_on_the_interpreter()
    {
        InterpreterDifferential.AssertMatches(Pairs);
    }

    [NativeFact]
    public void Every_pair_of_types_compares_under_a_collection_on_every_allocation()
    {
        InterpreterDifferential.AssertMatches(Pairs, gcStress: true);
    }

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(3000)]
    public void Nested_and_large_values_compare_as_on_the_interpreter(int n)
    {
        var source = Nested(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Nested_values_compare_under_a_collection_on_every_allocation()
    {
        // 40 levels at the first item grow the walk's stack past its first 16 frames.
        var source = Nested(40);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }

    [NativeFact]
    public void Values_nested_400_000_deep_compare_without_deepening_the_machine_stack()
    {
        var expected = NativeLibraryTests.Interpreted(Deep);
        Assert.Equal("true false\ntrue false\ntrue true\n", expected);
        var outcome = NativeRunner.CompileAndRun(Deep);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(expected, outcome.Stdout);
    }
}
