namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// `hash` natively (Library/65-misc.zl, %hash32; docs/design/hashing.md): each program prints
/// what the interpreter prints for a value of every type, for values nested in one another in
/// every combination, again with a collection on every allocation (the walk's pending frames
/// live on the heap and must survive the collector), and for values nested 100,000 deep, which
/// overflowed the machine stack while hash recursed once per level.
/// </summary>
public sealed class HashRoutineTests
{
    /// <summary>One value of each type the hash formulas name, and a few they leave to printing.</summary>
    private const string Samples = """
        (defrecord P [x])
        (defrecord Q [x y])
        (defn samples []
          [nil true false 0 1 -1 42 9223372036854775807 (- 0 9223372036854775807) 4294967296 -4294967296
           1.0 0.5 0.0 -0.0 ##NaN ##Inf ##-Inf 1e300
           "" "a" "abcdefgh" (str "abcdefghij" 1) "é∑"
           :a (keyword "a") :ns/b (keyword "ns" "b") 'a (symbol "a") (symbol "ns" "a") 'x/y
           #"a+" (re-pattern "[0-9]*")
           [] [1 2] (vector 1 2) [[1] "s"] () (list 1 2) '([1] "s") (cons 0 [1 2]) (cons 0 (list 1))
           (range 0) (range 3) (map inc (range 3)) (lazy-seq nil) (cons 1 (lazy-seq (list 2)))
           {} {:a 1} (hash-map :a 1) {:a 1 :b 2} {[1 2] [3 4]} {{:k 1} #{2}} {nil nil} {"s" 1.5}
           #{} #{1 2} (hash-set 2 1) #{[1 2]} #{'(1 2)} #{#{1} {:a 1}} #{nil}
           (sorted-map 2 :b 1 :a) (sorted-set 3 1 2)
           (->P 1) (->P [1 {:a (list 2 3)}]) (->Q (->P 1) #{(->P 2)}) (->P nil)])
        (defn -main []
          (doseq [x (samples)] (println (hash x)))
          (println (= (hash [1 2]) (hash (list 1 2)) (hash (range 1 3)) (hash (map inc [0 1])) (hash (cons 1 (list 2)))))
          (println (= (hash {:a 1 :b [2]}) (hash (hash-map :b [2] :a 1))) (= (hash #{1 [2]}) (hash (hash-set [2] 1))))
          (println (hash (samples)) (hash (seq (samples))) (hash (set (samples))) (hash (zipmap (range) (samples))))
          (println (hash (zipmap (samples) (reverse (samples)))) (hash (->P (samples)))))
        """;

    /// <summary>Values nested n deep in each position and kind of collection.</summary>
    private static string Nested(int n) => $$"""
        (defrecord P [x])
        (defn nest [n f] (loop [i 0 v [i]] (if (< i n) (recur (inc i) (f i v)) v)))
        (defn -main []
          (let [n {{n}}]
            (println (hash (nest n (fn [i v] [v]))) (hash (nest n (fn [i v] [i v]))) (hash (nest n (fn [i v] [v i "s"]))))
            (println (hash (nest n (fn [i v] (list v)))) (hash (nest n (fn [i v] (list i v (keyword (str i)))))))
            (println (hash (nest n (fn [i v] (map identity [v i])))) (hash (nest n (fn [i v] (lazy-seq (cons i (list v)))))))
            (println (hash (nest n (fn [i v] {:k v :i i}))) (hash (nest n (fn [i v] {v i}))) (hash (nest n (fn [i v] {[v] [i]}))))
            (println (hash (nest n (fn [i v] #{v i}))) (hash (nest n (fn [i v] #{[v] (str i)}))))
            (println (hash (nest n (fn [i v] (->P v)))) (hash (nest n (fn [i v] [(->P {:a v}) #{i}]))))
            (println (= (hash (nest n (fn [i v] [v i]))) (hash (nest n (fn [i v] (list v i))))))))
        """;

    [NativeFact]
    public void Every_type_hashes_as_on_the_interpreter()
    {
        InterpreterDifferential.AssertMatches(Samples);
    }

    [NativeFact]
    public void Every_type_hashes_under_a_collection_on_every_allocation()
    {
        InterpreterDifferential.AssertMatches(Samples, gcStress: true);
    }

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(2000)]
    public void Nested_values_hash_as_on_the_interpreter(int n)
    {
        var source = Nested(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Nested_values_hash_under_a_collection_on_every_allocation()
    {
        var source = Nested(40);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }

    [NativeFact]
    public void Values_nested_100_000_deep_hash_without_deepening_the_machine_stack()
    {
        var source = Nested(100000);
        InterpreterDifferential.AssertMatches(source);
    }
}
