namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Lazy sequences natively (issue 13): the lazy-seq and cons cells of Emit/RuntimeLazy.cs and the
/// Zylisp-written builders of Library/15-lazy.zl must print what the interpreter prints.
/// </summary>
public sealed class LazySequenceTests
{
    [NativeTheory]
    [InlineData("(take 5 (range)) (range 3) (range 1 4) (range 10 0 -3) (range 0)")]
    [InlineData("(take 3 (map inc (range))) (map + [1 2] [10 20 30]) (map vector [1 2] [:a :b] [\"x\" \"y\"])")]
    [InlineData("(take 3 (filter odd? (range))) (take 2 (drop 5 (range))) (concat [1] '(2) nil [3]) (concat) (repeat 2 :x)")]
    [InlineData("(take 4 (iterate inc 5)) (take 5 (cycle [1 2])) (take-while neg? [-1 -2 3 -4]) (drop-while neg? [-1 2 -3])")]
    [InlineData("(first (range 5)) (second (range)) (rest (range 3)) (next (range 1)) (nth (iterate inc 0) 100) (last (range 4))")]
    [InlineData("(count (range 10)) (count (filter even? (range 100))) (empty? (filter neg? [1])) (empty? (range 2))")]
    [InlineData("(= (range 3) [0 1 2]) (= (range) [0 1]) (= [0 1] (range 2)) (= (range 3) (range 4)) (= (map inc [1]) '(2))")]
    [InlineData("(cons 0 (range 1 3)) (conj (range 1 3) 0) (vec (range 3)) (apply + (range 5)) (reduce + (range 101))")]
    [InlineData("(seq? (range 2)) (sequential? (map inc [1])) (list? (range 2)) (coll? (range 2)) (type (range 2)) (type (cons 1 (range 1)))")]
    [InlineData("(lazy-seq nil) (seq (lazy-seq nil)) (realized? (lazy-seq [1])) (let [s (map inc [1])] (first s) (realized? s))")]
    [InlineData("(str (map inc [1 2])) (pr-str (range 3)) (into [] (take 3 (range))) (mapv inc (range 3))")]
    public void A_lazy_sequence_prints_what_the_interpreter_prints(string expressions)
    {
        var source = $"(prn {expressions})";
        var expected = NativeLibraryTests.Interpreted(source);
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(expected, outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeTheory]
    [InlineData("(:a {:a 1}) (:b {:a 1} 2) ({:a 1} :a) ({:a 1} :z :none) ([10 20] 1) (map :k [{:k 1} {:k 2}])")]
    [InlineData("(let [f :a] (f {:a 3})) ((fn [g] (g {:a 4})) :a) (try (5 1) (catch e (ex-message e)))")]
    public void Keywords_maps_and_vectors_are_functions(string expressions)
    {
        var source = $"(prn {expressions})";
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
    }

    [NativeFact]
    public void Lazy_seqs_records_and_vars_survive_a_collection_on_every_allocation()
    {
        var source = """
            (defrecord P [x y])
            (def ^:dynamic *n* 1)
            (defn fibs ([] (fibs 0 1)) ([a b] (lazy-seq (cons a (fibs b (+ a b))))))
            (defn -main []
              (let [ps (map (fn [i] (->P i (str "y" i))) (range 40))
                    m (with-meta [1 2] {:k :v})]
                (prn (take 12 (fibs)) (reduce + (filter odd? (range 200))) (last ps) (count ps))
                (prn (binding [*n* (vec (range 5))] *n*) *n* (meta m) (sorted-map 3 :c 1 :a 2 :b))))
            """;
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(NativeRunner.Collect(source), new NativeOptions(GcStressInterval: 1)));
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
    }

    [NativeFact]
    public void Each_element_is_computed_once_and_only_when_needed()
    {
        var source = """
            (def calls (atom 0))
            (def squares (map (fn [x] (swap! calls inc) (* x x)) (range 5)))
            (prn :before @calls (realized? squares))
            (prn (first squares) @calls)
            (prn (doall squares) @calls)
            (prn squares @calls)
            (defn fibs ([] (fibs 0 1)) ([a b] (lazy-seq (cons a (fibs b (+ a b))))))
            (prn (take 10 (fibs)) (nth (fibs) 50))
            """;
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
    }
}
