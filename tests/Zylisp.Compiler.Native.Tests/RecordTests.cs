namespace Zylisp.Compiler.Native.Tests;

/// <summary>Records, protocols and multimethods natively (issue 13): what the interpreter prints.</summary>
public sealed class RecordTests
{
    private const string Points = "(defrecord Point [x y]) (defrecord Size [x y]) (def p (->Point 1 2)) ";

    [NativeTheory]
    [InlineData("p (:x p) (get p :y) (get p :z :none) (assoc p :x 10) (assoc p :label \"o\") (dissoc p :x)")]
    [InlineData("(dissoc (assoc p :label \"a\") :label) (map->Point {:y 6 :x 5 :extra true}) (map->Point {:x 1})")]
    [InlineData("(= p (->Point 1 2)) (= p (->Point 2 1)) (= p (->Size 1 2)) (= p {:x 1 :y 2}) (record? p) (record? {}) (map? p)")]
    [InlineData("(type p) Point (= (type p) Point) (keys p) (vals p) (count p) (into {} p) (contains? p :x) (contains? p :z)")]
    [InlineData("(update p :x inc) (merge {:z 0} p) (reduce (fn [acc [_ v]] (+ acc v)) 0 p) (str \"at \" p) (pr-str [p])")]
    [InlineData("(let [{:keys [x y]} (->Point 3 4)] (+ (* x x) (* y y))) (get {(->Point 1 2) :found} (->Point 1 2))")]
    public void A_record_prints_what_the_interpreter_prints(string expressions)
    {
        var source = Points + $"(prn {expressions})";
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeTheory]
    [InlineData("(try (throw (ex-info \"boom\" {:type :oops :n 1})) (catch :oops e [(ex-message e) (ex-data e) (:data e)]))")]
    [InlineData("(ex-data (ex-info \"m\" {})) (ex-data 5) (ex-info \"x\" {:a 1})")]
    [InlineData("(try (throw (ex-info \"no\" {:type :a})) (catch :b e :b) (catch :a e :a))")]
    public void Ex_info_carries_its_data_and_is_caught_by_type(string expressions)
    {
        var source = $"(prn {expressions})";
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
    }

    [NativeFact]
    public void Multimethods_dispatch_on_any_function()
    {
        var source = """
            (defmulti area :shape)
            (defmethod area :square [{:keys [side]}] (* side side))
            (defmethod area :default [s] (str "unknown " (:shape s)))
            (defmulti fib (fn [n] (if (< n 2) :base :step)) :default :step)
            (defmethod fib :base [n] n)
            (defmethod fib :step [n] (+ (fib (- n 1)) (fib (- n 2))))
            (defrecord Dog [name])
            (defmulti speak type)
            (defmethod speak Dog [d] (str (:name d) " says woof"))
            (prn (area {:shape :square :side 3}) (area {:shape :blob}) (fib 15) (speak (->Dog "Rex")))
            """;
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
    }
}
