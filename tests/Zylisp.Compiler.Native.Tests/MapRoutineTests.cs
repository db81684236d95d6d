namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The map operations written in the runtime's low-level typed subset (Library/39-maps.zl;
/// docs/design/native-typed.md, "Ported so far"): lookup (get, contains?, =, a map called as a
/// function), assoc and dissoc print what the interpreter prints, on empty, small and large maps,
/// sorted maps and records' fields, and again with a collection on every allocation, where a copy
/// the collector did not see through the routine's frame would be reused and corrupted.
/// </summary>
public sealed class MapRoutineTests
{
    /// <summary>Lookup by identity, by equals (strings, run-time keywords and symbols, vectors against lists, maps) and by neither (1 against 1.0).</summary>
    private static string Lookups(int n) => $$$"""
        (defn -main []
          (let [n {{{n}}}
                ints (into {} (map (fn [i] [i (* i i)]) (range n)))
                strs (into {} (map (fn [i] [(str "k" i) i]) (range n)))
                pairs (into {} (map (fn [i] [[i (str i)] i]) (range n)))
                made (into {} (map (fn [i] [(keyword (str "k" i)) i]) (range n)))
                syms (into {} (map (fn [i] [(symbol (str "prefix-longer-than-eight-" i)) i]) (range n)))]
            (prn (count ints) (count strs) (count pairs) (count made) (count syms))
            (prn (count (filter (fn [i] (contains? ints i)) (range -5 (+ n 5))))
                 (reduce + 0 (map (fn [i] (get ints i 0)) (range -5 (+ n 5)))))
            (prn (count (filter (fn [i] (contains? strs (str "k" i))) (range -5 (+ n 5))))
                 (reduce + 0 (map (fn [i] (get strs (str "k" i) 0)) (range n))))
            (prn (count (filter (fn [i] (= i (pairs (list i (str i))))) (range n))) (pairs [0 "1"]) (get pairs [0 "0"] :none))
            (prn (count (filter (fn [i] (contains? made (keyword (str "k" i)))) (range -5 (+ n 5))))
                 (get made :k0 :none) (get made :k :none) (get made "k0" :none)
                 (count (filter (fn [i] (= i (syms (symbol (str "prefix-longer-than-eight-" i))))) (range n)))
                 (contains? syms 'prefix-longer-than-eight-) (contains? syms "prefix-longer-than-eight-0"))
            (prn (get ints 1.0 :none) (get {1.0 :f} 1 :none) (get {1.0 :f} 1.0) (get ints nil :none) (get ints "1" :none))
            (prn (get {} 1) (get {} nil :none) ({} :a) ({nil 1} nil) (get {nil false} nil :none) (contains? {false 1} false) (contains? {nil 1} false))
            (prn ({:a 1 :b 2} :b) ({:a 1 :b 2} :c :none) ({{:a 1} 2} {:a 1}) ({'(1 2) 3} [1 2]) ({#{1 2} 4} #{2 1}) (:b {:a 1 :b 2}))
            (prn (contains? {"" 1} "") (contains? {"" 1 :a 2} (subs "ab" 1 1)) (contains? {(keyword "") 1} (keyword ""))
                 (contains? {"abcdefgh1" 1} "abcdefgh2") (get {"abcdefgh1" 1} (str "abcdefgh" 1))
                 (get {'a 1 'b 2} 'b) (contains? {'a 1} :a) (contains? {:a 1} "a"))
            (prn (get {0.5 1 2.0 2} (/ 1.0 2)) (contains? {{:a 1} 1 [1] 2} {:a 1}) (contains? {{:a 1} 1} {:a 2})
                 (get {(list 1 2) :l} [1 2]) (get {[1 2] :v} (map inc [0 1])) (contains? {#{} 1} #{}))
            (prn (= ints (into {} (reverse (seq ints)))) (= ints (assoc ints n 0)) (= {} {}) (= {:a 1} {:a 2}) (= {:a 1} {:b 1}))
            (prn (take 3 ints) (last (seq strs)) (take 2 (keys made)) (take 2 (vals syms)))))
        """;

    /// <summary>assoc and dissoc copy the map (keeping its insertion order and a sorted map's header), or give it back unchanged.</summary>
    private static string Changes(int n) => $$$"""
        (defrecord Pt [x y])
        (defn err [f] (try (f) (catch e (ex-message e))))
        (defn -main []
          (let [n {{{n}}}
                m (reduce (fn [acc i] (assoc acc i (str i))) {} (range n))
                replaced (reduce (fn [acc i] (assoc acc i (- i))) m (filter even? (range n)))
                halved (reduce dissoc m (filter even? (range n)))
                strs (reduce (fn [acc i] (assoc acc (str "s" i) i)) nil (range n))]
            (prn (count m) (count replaced) (count halved) (take 4 replaced) (take 4 halved) (last (seq halved)))
            (prn (= halved (into {} (map (fn [i] [i (str i)]) (filter odd? (range n))))) (= (keys replaced) (keys m)))
            (prn (identical? m (dissoc m -1)) (identical? m (dissoc m "0")) (count (assoc m n :x)) (count (dissoc m 0)) (get (assoc m 0 :zero) 0))
            (prn (count (reduce dissoc strs (map (fn [i] (str "s" i)) (range n))))
                 (count (reduce (fn [acc i] (assoc acc (str "s" i) :again)) strs (range n)))
                 (take 2 (reduce (fn [acc i] (assoc acc (str "s" i) :again)) strs (range n))))
            (prn (dissoc {} 1) (assoc {} nil nil) (dissoc {nil 1} nil) (dissoc {1 2} 1) (assoc {1 2} 1 2) (dissoc {1 2 3 4 5 6} 3) (assoc {1 2} 3 4 1 5))
            (prn (dissoc {1 2 3 4 5 6} 1 5 7) (dissoc nil 1) (dissoc {[1 2] 3} '(1 2)) (assoc {'(1 2) 3} [1 2] 4) (hash-map 3 1 3 2) (assoc nil :a 1 :b 2))
            (prn (conj {:a 1} [:b 2]) (conj {:a 1} {:a 3 :c 4}) (merge {:a 1 :b 2} {:b 3} nil {:c 5}) (into {:z 0} [[:y 1] [:z 2]]) (update {:a 1} :a inc))
            (prn (assoc (->Pt 1 2) :x 5) (assoc (->Pt 1 2) :z 3) (dissoc (->Pt 1 2) :q) (dissoc (assoc (->Pt 1 2) :z 3) :z) (dissoc (->Pt 1 2) :x))
            (let [sorted (reduce (fn [acc i] (assoc acc (rem (* i 7) (inc n)) i)) (sorted-map) (range n))]
              (prn (count sorted) (take 5 sorted) (sorted? (dissoc sorted 3)) (take 3 (dissoc sorted 0 1))
                   (sorted? (assoc sorted -1 :neg)) (first (assoc sorted -1 :neg)) (take 2 (assoc sorted 0 :zero))
                   (= (keys sorted) (keys (assoc sorted 1 :one))) (get sorted 1 :none) (contains? sorted n)))
            (prn (err #(assoc (sorted-map 1 2) :a 1)) (err #(assoc '(1) :a 1)) (err #(assoc "s" 0 1)) (err #(assoc 5 :a 1))
                 (err #(assoc #{1} 1 2)) (err #(assoc [1] :a 1)) (err #(assoc [] 1 1)))
            (prn (err #(dissoc [1 2] 0)) (err #(dissoc "x" 1)) (err #(dissoc 5 1)) (err #(dissoc '(1 2) 1)) (err #(dissoc #{1} 1))
                 (err #(dissoc {:a 1} :a [1] 2)) (err #(contains? 1 2)) (err #(contains? '(1) 1)))
            (prn (err #(dissoc [1 2])) (err #(dissoc 5)) (err #(dissoc "")) (dissoc (->Pt 1 2)) (dissoc nil) (dissoc {:a 1}) (dissoc (sorted-map 2 1 1 2)))))
        """;

    /// <summary>seq of a map is a list of [key value] vectors in insertion (or a sorted map's) order, which every sequence function walks.</summary>
    private static string Seqs(int n) => $$$"""
        (defrecord Pt [x y])
        (defn -main []
          (let [n {{{n}}}
                m (into {} (map (fn [i] [(str "k" i) i]) (range n)))
                s (seq m)]
            (prn (count s) (take 3 s) (last s) (seq {}) (seq nil) (first {:a 1}) (rest {:a 1}) (next {:a 1}))
            (prn (reduce + 0 (map second s)) (reduce (fn [acc [k v]] (+ acc v)) 0 m) (count (filter (fn [[k v]] (even? v)) m)))
            (prn (= s (map (fn [i] [(str "k" i) i]) (range n))) (vector? (first (seq {:a 1}))) (list? (seq {:a 1})) (count (seq {:a 1 :b 2})))
            (prn (seq (->Pt 1 2)) (seq {nil nil}) (seq {[1] {:a 1}}) (into [] (take 4 m)) (apply str (map key (take 3 m))) (map val (take 3 m)))
            (prn (seq (into (sorted-map) (map (fn [i] [(- n i) i]) (range (min n 6))))) (doall (for [[k v] {:a 1 :b 2}] (str k v))))
            (let [doubled (reduce (fn [acc [k v]] (assoc acc k (* 2 v))) m m)]
              (prn (count doubled) (take 2 doubled) (= (keys doubled) (keys m))))))
        """;

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(2500)]
    public void Map_lookup_matches_the_interpreter(int n)
    {
        var source = Lookups(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Map_lookup_survives_a_collection_on_every_allocation()
    {
        var source = Lookups(150);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(2500)]
    public void Map_assoc_and_dissoc_match_the_interpreter(int n)
    {
        var source = Changes(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Map_assoc_and_dissoc_survive_a_collection_on_every_allocation()
    {
        var source = Changes(120);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }

    [NativeTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(2500)]
    public void Map_seq_matches_the_interpreter(int n)
    {
        var source = Seqs(n);
        InterpreterDifferential.AssertMatches(source);
    }

    [NativeFact]
    public void Map_seq_survives_a_collection_on_every_allocation()
    {
        var source = Seqs(120);
        InterpreterDifferential.AssertMatches(source, gcStress: true);
    }
}
