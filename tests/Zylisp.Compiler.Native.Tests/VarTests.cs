namespace Zylisp.Compiler.Native.Tests;

/// <summary>Dynamic vars, var objects and metadata natively (issue 13): what the interpreter prints.</summary>
public sealed class VarTests
{
    [NativeTheory]
    [InlineData("(def ^:dynamic *x* 1) (defn show [] *x*) (prn (binding [*x* 2] (show)) (show) (binding [*x* 3] (binding [*x* 4] (show))))")]
    [InlineData("(def ^:dynamic *x* 1) (prn (try (binding [*x* 2] (throw (ex-info \"e\" {}))) (catch e *x*)))")]
    [InlineData("(def y 1) (prn (try (binding [y 2] y) (catch e (ex-message e))))")]
    [InlineData("(def ^{:doc \"d\"} z 5) (prn (:doc (meta #'z)) (:line (meta (var z))) (var? #'z) (var? z) (var-get #'z) (= #'z #'z))")]
    [InlineData("(prn (meta (with-meta [1 2] {:a 1})) (meta [1 2]) (= (with-meta [1] {:k 1}) [1]) (meta (vary-meta {:x 1} assoc :m 2)))")]
    [InlineData("(let [f (with-meta (fn [x] (* x x)) {:doc \"sq\"})] (prn (f 3) (meta f) (identical? f f)))")]
    [InlineData("(defn- h \"H.\" [] 1) (source h)")]
    public void Vars_and_metadata_print_what_the_interpreter_prints(string program)
    {
        var outcome = NativeRunner.CompileAndRun(program);
        Assert.Equal(NativeLibraryTests.Interpreted(program), outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }
}
