namespace Zylisp.Compiler.Native.Tests;

/// <summary>(reduced x) natively: an atom with a header flag that reduce stops at; what the interpreter prints.</summary>
public sealed class ReducedTests
{
    [NativeTheory]
    // reduce over lazy seqs with no end stops at the first reduced step.
    [InlineData("(prn (reduce (fn [a x] (if (> x 3) (reduced a) (+ a x))) 0 (map inc (range))) (reduce (fn [a x] (if (> a 100) (reduced [a x]) (+ a x))) (iterate inc 1)))")]
    // A reduced value is not an atom; its type, equality and printing are its own.
    [InlineData("(let [r (reduced 1) a (atom 1)] (prn (atom? r) (atom? a) (reduced? a) (reduced? nil) (reduced? :k) (type r) (type a) (= r r) (= r (reduced 1)) [r a] (str r)))")]
    // A step that returns a reduced reduced value ends with the inner one, still reduced.
    [InlineData("(prn (reduce (fn [a x] (reduced (reduced x))) 0 [1 2]) (reduce (fn [a x] (reduced (atom x))) 0 [7 8]))")]
    // reset! and swap! refuse a reduced value as they refuse any non-atom.
    [InlineData("(prn (try (reset! (reduced 1) 2) (catch e (ex-message e))) (try (swap! (reduced 1) inc) (catch e (ex-message e))))")]
    public void Reduced_values_behave_as_the_interpreters(string program)
    {
        var outcome = NativeRunner.CompileAndRun(program);
        Assert.Equal(NativeLibraryTests.Interpreted(program), outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }
}
