namespace Zylisp.Compiler.Native.Tests;

/// <summary>Sorted maps and assert natively (issue 13): what the interpreter prints.</summary>
public sealed class SortedTests
{
    [NativeTheory]
    [InlineData("(def m (sorted-map :c 3 :a 1 :b 2)) (prn m (keys m) (vals m) (seq m) (first m))")]
    [InlineData("(def m (sorted-map :c 3 :a 1 :b 2)) (prn (assoc m :aa 0) (dissoc m :b) (conj m [:d 4]) (get m :a) (m :b) (:c m))")]
    [InlineData("(def m (sorted-map :c 3 :a 1)) (prn (= m {:a 1 :c 3}) (sorted? m) (sorted? {:a 1}) (map? m) (count m) (sorted-map))")]
    [InlineData("(prn (into (sorted-map) {3 :c 1 :a 2 :b}) (merge (sorted-map :z 1) {:a 2}) (update (sorted-map :b 1 :a 2) :a inc))")]
    [InlineData("(prn (assert (= 1 1)) (assert true \"fine\") (try (assert (= 1 2)) (catch :assertion-error e (ex-message e))))")]
    [InlineData("(prn (try (assert (pos? -1) \"need a positive\") (catch :assertion-error e (ex-message e))))")]
    [InlineData("(prn (empty [1]) (empty '(1)) (empty {:a 1}) (empty (range 3)) (empty 5) (sorted? (empty (sorted-map :a 1))) (empty #{1}))")]
    [InlineData("(prn (subvec [1 2 3 4] 1) (subvec [1 2 3 4] 1 3) (try (subvec [1 2] 1 5) (catch e (ex-message e))))")]
    public void Sorted_maps_and_assert_print_what_the_interpreter_prints(string program)
    {
        var outcome = NativeRunner.CompileAndRun(program);
        Assert.Equal(NativeLibraryTests.Interpreted(program), outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }
}
