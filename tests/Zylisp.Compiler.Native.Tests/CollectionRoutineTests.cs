namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The vector and set operations written in the runtime's low-level typed subset
/// (Library/40-sets.zl, Library/55-collections.zl; docs/design/native-typed.md, "Ported so far"):
/// each program prints what the interpreter prints, on empty, small and large collections, and
/// again with a collection on every allocation, where a copy the collector did not see through
/// the routine's frame would be reused and corrupted.
/// </summary>
public sealed class CollectionRoutineTests
{
    /// <summary>Membership by identity, by equals (strings, vectors, maps, records' fields) and by neither (1 against 1.0).</summary>
    private static string Sets(int n) => $$$"""
        (defn -main []
          (let [n {{{n}}}
                ints (into #{} (range n))
                strs (into #{} (map (fn [i] (str "k" i)) (range n)))
                pairs (into #{} (map (fn [i] [i (str i)]) (range n)))]
            (prn (count ints) (count strs) (count pairs))
            (prn (count (filter (fn [i] (contains? ints i)) (range -5 (+ n 5)))))
            (prn (count (filter (fn [i] (contains? strs (str "k" i))) (range -5 (+ n 5)))))
            (prn (count (filter (fn [i] (pairs [i (str i)])) (range n))) (pairs [0 "1"]))
            (prn (contains? ints 1.0) (contains? #{1.0} 1) (contains? #{1.0} 1.0) (contains? ints nil) (contains? ints "1"))
            (prn (contains? #{} 1) (contains? #{} nil) (#{} :a) (#{nil} nil) (contains? #{nil false} false) (contains? #{nil} false))
            (prn (#{:a :b} :b) (#{:a :b} :c) (#{{:a 1}} {:a 1}) (#{'(1 2)} [1 2]) (#{#{1 2}} #{2 1}))
            (prn (get ints 3) (get ints -1) (get ints -1 :none) (get strs "k0" :none) (get #{'(1 2)} [1 2]) (get #{nil} nil :none) (get #{} 1 :none) (get (sorted-set 3 1) 1))
            (prn (= ints (into #{} (reverse (range n)))) (= ints (conj ints n)) (= #{} #{}) (= #{1 2} #{1 3}))
            (prn (take 5 (seq strs)) (last (seq pairs)))
            (let [made (into #{} (map (fn [i] (keyword (str "k" i))) (range n)))
                  syms (into #{} (map (fn [i] (symbol (str "prefix-longer-than-eight-" i))) (range n)))]
              (prn (count (filter (fn [i] (contains? made (keyword (str "k" i)))) (range -5 (+ n 5))))
                   (contains? made :k0) (contains? made :k) (contains? made "k0")
                   (count (filter (fn [i] (syms (symbol (str "prefix-longer-than-eight-" i)))) (range n)))
                   (contains? syms 'prefix-longer-than-eight-) (contains? syms "prefix-longer-than-eight-0")))
            (prn (contains? #{""} "") (contains? #{"" :a} (subs "ab" 1 1)) (contains? #{(keyword "")} (keyword ""))
                 (contains? #{"abcdefgh1"} "abcdefgh2") (contains? #{"abcdefgh1"} (str "abcdefgh" 1))
                 (contains? #{'a 'b} 'b) (contains? #{'a} :a) (contains? #{:a} "a"))
            (prn (contains? #{0.5 2.0} (/ 1.0 2)) (contains? #{{:a 1} [1]} {:a 1}) (contains? #{{:a 1}} {:a 2})
                 (contains? #{(list 1 2)} [1 2]) (contains? #{[1 2]} (map inc [0 1])) (contains? #{#{}} #{}))))
        """;

    /// <summary>conj and disj copy the set (keeping a sorted set's header), or give it back unchanged.</summary>
    private static string SetChanges(int n) => $$$"""
        (defn -main []
          (let [n {{{n}}}
                s (reduce conj #{} (range n))
                halved (reduce disj s (filter even? (range n)))
                strs (reduce conj #{} (map str (range n)))]
            (prn (count s) (count halved) (= halved (set (filter odd? (range n)))) (take 4 halved) (last (seq halved)))
            (prn (identical? s (conj s 0)) (identical? s (disj s -1)) (count (conj s n)) (count (disj s 0)))
            (prn (count (reduce disj strs (map str (range n)))) (count (reduce conj strs (map str (range n)))))
            (prn (disj #{} 1) (conj #{} nil) (disj #{nil} nil) (disj #{1} 1) (conj #{1} 1) (disj #{1 2 3} 2) (conj #{1 2} 3 4 2))
            (prn (disj #{1 2 3} 1 3 5) (disj nil 1) (disj #{[1 2]} '(1 2)) (conj #{'(1 2)} [1 2]) (hash-set 3 1 3 2) (set "abca"))
            (let [sorted (reduce conj (sorted-set) (map (fn [i] (rem (* i 7) (inc n))) (range n)))]
              (prn (count sorted) (take 5 sorted) (sorted? (disj sorted 3)) (take 3 (disj sorted 0 1)) (sorted? (conj sorted -1)) (first (conj sorted -1))))))
        """;

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2000)]
    public void Set_conj_and_disj_match_the_interpreter(int n)
    {
        var source = SetChanges(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Set_conj_and_disj_survive_a_collection_on_every_allocation()
    {
        var source = SetChanges(120);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3000)]
    public void Set_membership_matches_the_interpreter(int n)
    {
        var source = Sets(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Set_membership_survives_a_collection_on_every_allocation()
    {
        var source = Sets(150);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }

    /// <summary>conj and assoc copy the vector; assoc at the count appends; out of range is the interpreter's error.</summary>
    private static string VectorChanges(int n) => $$$"""
        (defn -main []
          (let [n {{{n}}}
                v (reduce conj [] (range n))
                doubled (reduce (fn [acc i] (assoc acc i (* 2 (nth acc i)))) v (range n))
                grown (reduce (fn [acc i] (assoc acc (count acc) i)) [] (range n))]
            (prn (count v) (take 3 v) (last v) (count doubled) (take 3 doubled) (last doubled) (= v grown))
            (prn (conj [] nil) (conj [1] [2]) (conj [1 2] 3 4) (assoc [] 0 :a) (assoc [1] 1 2) (assoc [1 2] 0 [0]) (conj (conj v :x) :y))
            (prn (= v (vec (range n))) (= (conj v n) (vec (range (inc n)))) (identical? v (conj v 1)) v)
            (prn (try (assoc v (inc n) 1) (catch e (ex-message e))) (try (assoc v -1 1) (catch e (ex-message e)))
                 (try (assoc [] 1 1) (catch e (ex-message e))) (try (assoc [1] :a 1) (catch e (ex-message e))))))
        """;

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5000)]
    public void Vector_conj_and_assoc_match_the_interpreter(int n)
    {
        var source = VectorChanges(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Vector_conj_and_assoc_survive_a_collection_on_every_allocation()
    {
        var source = VectorChanges(150);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }

    /// <summary>subvec and pop copy a slice; every bad argument is the interpreter's error, checked in its order.</summary>
    private static string Slices(int n) => $$$"""
        (defn err [f] (try (f) (catch e (ex-message e))))
        (defn -main []
          (let [n {{{n}}}
                v (vec (range n))
                halves (map (fn [i] (subvec v i (- n i))) (range (quot n 2)))
                popped (loop [s v k 0] (if (empty? s) k (recur (pop s) (+ k (count s)))))]
            (prn (count v) (count (subvec v 0)) (= v (subvec v 0 n)) (subvec v n) (subvec v 0 0) (reduce + (map count halves)))
            (prn (take 3 (subvec v (quot n 2))) (last (subvec v 0 (quot n 2))) popped (peek v) (count (pop (conj v 1))))
            (prn (subvec [] 0) (subvec [] 0 0) (subvec [1 2 3] 1) (subvec [1 2 3] 1 2) (pop [1]) (pop [1 2]) (peek (pop [1 2 3])) (pop '(1 2)))
            (prn (err #(subvec v -1)) (err #(subvec v 0 (inc n))) (err #(subvec v 2 1)) (err #(subvec v (inc n)))
                 (err #(subvec v 1.0)) (err #(subvec v 0 "x")) (err #(subvec v "a" "b")) (err #(subvec '(1) 0)) (err #(subvec nil 0 1))
                 (err #(pop [])) (err #(pop nil)) (err #(pop {:a 1})))))
        """;

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3000)]
    public void Subvec_and_pop_match_the_interpreter(int n)
    {
        var source = Slices(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Subvec_and_pop_survive_a_collection_on_every_allocation()
    {
        var source = Slices(120);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }
}
