using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

public class CoreLibraryTests
{
    private readonly LangTestHost host = new();

    [Theory]
    // predicates
    [InlineData("[(nil? nil) (some? 1) (true? true) (false? nil) (number? 1.5) (integer? 1) (float? 1)]", "[true true true false true true false]")]
    [InlineData("[(string? \"a\") (keyword? :a) (symbol? 'a) (fn? inc) (list? '(1)) (vector? [1]) (map? {}) (set? #{})]", "[true true true true true true true true]")]
    [InlineData("[(coll? [1]) (seq? '(1)) (empty? []) (empty? \"\") (empty? nil) (zero? 0) (pos? 1) (neg? -1) (even? 2) (odd? 3)]", "[true true true true true true true true true true]")]
    // collections
    [InlineData("[(list 1 2) (vector 1 2) (hash-map :a 1) (hash-set 1) (vec '(1 2)) (set [1 1 2])]", "[(1 2) [1 2] {:a 1} #{1} [1 2] #{1 2}]")]
    [InlineData("[(cons 0 [1]) (conj [1] 2) (conj '(1) 0) (conj #{} 1) (conj {} [:a 1]) (conj nil 1)]", "[(0 1) [1 2] (0 1) #{1} {:a 1} (1)]")]
    [InlineData("[(first [1 2]) (rest [1 2]) (next [1]) (second [1 2]) (last [1 2 3]) (nth [1 2] 1) (nth [] 3 :none)]", "[1 (2) nil 2 3 2 :none]")]
    [InlineData("[(get {:a 1} :a) (get {:a 1} :b 0) (get [1 2] 1) (get-in {:a {:b 1}} [:a :b]) (get \"abc\" 1)]", "[1 0 2 1 \"b\"]")]
    [InlineData("[(assoc {} :a 1) (assoc [1 2] 0 9) (assoc-in {} [:a :b] 1) (dissoc {:a 1 :b 2} :a) (disj #{1 2} 1)]", "[{:a 1} [9 2] {:a {:b 1}} {:b 2} #{2}]")]
    [InlineData("[(contains? {:a 1} :a) (contains? #{1} 2) (contains? [1] 0) (keys {:a 1}) (vals {:a 1}) (keys {})]", "[true false true (:a) (1) nil]")]
    [InlineData("[(count [1 2]) (count nil) (count \"héllo😀\") (seq []) (seq [1]) (concat [1] '(2) nil) (into [] '(1 2)) (into {} [[:a 1]])]", "[2 0 6 nil (1) (1 2) [1 2] {:a 1}]")]
    [InlineData("[(reverse [1 2 3]) (sort [3 1 2]) (sort > [1 3 2]) (sort-by count [\"aaa\" \"b\" \"cc\"]) (sort compare [\"b\" \"a\"])]", "[(3 2 1) (1 2 3) (3 2 1) (\"b\" \"cc\" \"aaa\") (\"a\" \"b\")]")]
    [InlineData("[(range 3) (range 1 4) (range 10 0 -3) (repeat 2 :x) (take 2 [1 2 3]) (drop 2 [1 2 3]) (take 5 [1])]", "[(0 1 2) (1 2 3) (10 7 4 1) (:x :x) (1 2) (3) (1)]")]
    [InlineData("[(take-while pos? [1 2 -1 3]) (drop-while pos? [1 2 -1 3]) (partition 2 [1 2 3 4 5]) (partition 2 1 [1 2 3])]", "[(1 2) (-1 3) ((1 2) (3 4)) ((1 2) (2 3))]")]
    [InlineData("[(zipmap [:a :b] [1 2]) (frequencies [:a :b :a]) (group-by odd? [1 2 3]) (merge {:a 1} {:b 2} {:a 3}) (merge nil nil)]", "[{:a 1, :b 2} {:a 2, :b 1} {true [1 3], false [2]} {:a 3, :b 2} nil]")]
    [InlineData("[(find {:a 1} :a) (find {:a 1} :b) (find {:n nil} :n) (find [10 20] 1) (find [10 20] 2) (find nil :a) (find (sorted-map 2 :b) 2)]", "[[:a 1] nil [:n nil] [1 20] nil nil [2 :b]]")]
    [InlineData("[(update {:a 1} :a inc) (update-in {:a {:b 1}} [:a :b] + 10) (select-keys {:a 1 :b 2 :c 3} [:a :c :z])]", "[{:a 2} {:a {:b 11}} {:a 1, :c 3}]")]
    // higher-order
    [InlineData("[(map inc [1 2]) (map + [1 2] [10 20 30]) (filter odd? [1 2 3]) (remove odd? [1 2 3]) (reduce + [1 2 3]) (reduce + 10 [1 2]) (reduce + [])]", "[(2 3) (11 22) (1 3) (2) 6 13 0]")]
    [InlineData("[(apply + 1 2 [3 4]) ((comp inc inc) 1) ((comp str inc) 1) ((partial + 10) 5) (identity 4) ((constantly 7) 1 2)]", "[10 3 \"2\" 15 4 7]")]
    [InlineData("[(some even? [1 2 3]) (some even? [1 3]) (every? odd? [1 3]) (every? odd? []) (mapcat (fn [x] [x x]) [1 2]) (keep (fn [x] (if (odd? x) x)) [1 2 3])]", "[true nil true true (1 1 2 2) (1 3)]")]
    // strings
    [InlineData("[(str \"a\" 1 nil :k [1 \"b\"]) (subs \"héllo\" 1 3) (subs \"hello\" 2) (split \"a,b,,\" \",\") (join [1 2]) (join \", \" [1 2])]", "[\"a1:k[1 \\\"b\\\"]\" \"él\" \"llo\" [\"a\" \"b\"] \"12\" \"1, 2\"]")]
    [InlineData("[(upper-case \"ab\") (lower-case \"AB\") (trim \"  a \") (starts-with? \"abc\" \"ab\") (ends-with? \"abc\" \"bc\") (includes? \"abc\" \"x\")]", "[\"AB\" \"ab\" \"a\" true true false]")]
    [InlineData("[(index-of \"😀abc\" \"b\") (index-of \"abc\" \"z\") (replace \"a-b-c\" \"-\" \"+\") (format \"%s=%d %.2f %%\" \"x\" 3 2.5)]", "[2 nil \"a+b+c\" \"x=3 2.50 %\"]")]
    [InlineData("[(parse-long \"42\") (parse-long \"x\") (parse-double \"2.5\") (name :k) (name 'sym) (keyword \"k\") (symbol \"s\")]", "[42 nil 2.5 \"k\" \"sym\" :k s]")]
    // atoms, misc
    [InlineData("(let [a (atom 1)] [(deref a) (reset! a 5) (swap! a + 2) @a])", "[1 5 7 7]")]
    [InlineData("[(type 1) (type 1.0) (type \"s\") (type :k) (type 's) (type '()) (type []) (type {}) (type #{}) (type inc) (type nil) (type true)]", "[:integer :float :string :keyword :symbol :list :vector :map :set :fn :nil :bool]")]
    [InlineData("[(max 1 5 3) (min 2 0.5) (abs -3) (abs -2.5) (inc 1) (dec 1) (not nil) (not= 1 2)]", "[5 0.5 3 2.5 2 0 true true]")]
    [InlineData("[(read-string \"(1 [2] {:a 3})\") (pr-str \"a\" :b) (prn-str 1) (eval '(+ 1 2)) (eval (list 'inc 1))]", "[(1 [2] {:a 3}) \"\\\"a\\\" :b\" \"1\\n\" 3 2]")]
    [InlineData("[(ex-message (ex-info \"m\" {:a 1})) (ex-data (ex-info \"m\" {:a 1})) (ex-message 42)]", "[\"m\" {:a 1} nil]")]
    public void Core_functions_compute_clojure_results(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void Gensym_returns_fresh_symbols()
    {
        Assert.Equal(false, host.Eval("(= (gensym) (gensym))"));
        Assert.StartsWith("tmp", host.Show("(gensym \"tmp\")"), StringComparison.Ordinal);
    }

    [Fact]
    public void Rand_int_stays_in_range() =>
        Assert.Equal(true, host.Eval("(every? (fn [x] (and (>= x 0) (< x 3))) (map (fn [_] (rand-int 3)) (range 100)))"));

    [Fact]
    public void Time_prints_the_elapsed_time_on_stderr_and_returns_the_value()
    {
        Assert.Equal(3L, host.Eval("(time (+ 1 2))"));
        Assert.Contains("Elapsed time:", host.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", host.Out.ToString());
    }

    [Fact]
    public void Slurp_spit_and_load_file_use_the_file_system()
    {
        var path = Path.Combine(Path.GetTempPath(), "zylisp-core-" + Guid.NewGuid().ToString("N") + ".zl");
        try
        {
            host.Engine.SetGlobal("path", path);
            host.Eval("(spit path \"(def loaded 41) (inc loaded)\")");
            Assert.Equal("(def loaded 41) (inc loaded)", host.Eval("(slurp path)"));
            Assert.Equal(42L, host.Eval("(load-file path)"));
            Assert.Equal(41L, host.Eval("loaded"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Str_in_the_slisp_dialect_uses_slisp_rendering()
    {
        Assert.Equal(host.Eval("(str [1 \"a\"])"), "[1 \"a\"]");
        Assert.Equal(Printing.Printer.SlispStr(host.Eval("[1 \"a\"]")), host.Eval("(str [1 \"a\"])", "x.slisp"));
    }

    [Theory]
    [InlineData("(first 1)", DiagnosticIds.WrongType)]
    [InlineData("(+ 1 :a)", DiagnosticIds.WrongType)]
    [InlineData("(subs \"abc\" 2 9)", DiagnosticIds.IndexOutOfRange)]
    [InlineData("(assoc {} :a 1 :b)", DiagnosticIds.BadArgument)]
    [InlineData("(range 1 5 0)", DiagnosticIds.BadArgument)]
    [InlineData("(inc)", DiagnosticIds.WrongArity)]
    [InlineData("(format \"%d\")", DiagnosticIds.BadArgument)]
    [InlineData("(swap! 1 inc)", DiagnosticIds.WrongType)]
    [InlineData("(read-string \"(1\")", DiagnosticIds.UnclosedForm)]
    public void Bad_arguments_are_errors_with_ids(string source, string id) => host.Fails(source, id);

    /// <summary>STYLE habit 4: (doc ...) works for every core function, macro and special form.</summary>
    [Theory]
    [InlineData("+ - * / mod rem quot inc dec max min abs = not= == < > <= >=")]
    [InlineData("nil? some? true? false? number? integer? float? string? keyword? symbol? fn? list? vector? map? set? coll? seq? empty? zero? pos? neg? even? odd?")]
    [InlineData("list vector hash-map hash-set vec set cons conj first rest next second last nth get get-in assoc assoc-in dissoc disj contains? keys vals count seq concat into reverse sort sort-by range repeat take drop take-while drop-while partition zipmap frequencies group-by update update-in merge select-keys")]
    [InlineData("map filter remove reduce apply comp partial identity constantly some every? mapcat keep")]
    [InlineData("str subs split join upper-case lower-case trim starts-with? ends-with? includes? index-of replace format parse-long parse-double name keyword symbol")]
    [InlineData("atom deref reset! swap! print println prn pr pr-str prn-str read-string slurp spit load-file eval type gensym time rand-int ex-message ex-data ex-info macroexpand macroexpand-1")]
    [InlineData("defn deffunc defvar defconst when unless cond case and or -> ->> if-let when-let dotimes doseq while doc")]
    [InlineData("quote if do def fn let loop recur try throw defmacro")]
    public void Every_core_name_has_documentation(string names)
    {
        foreach (var name in names.Split(' '))
        {
            var doc = host.Engine.Doc(name);
            Assert.True(doc is not null && !doc.Contains("(no docstring)", StringComparison.Ordinal), "no doc for " + name);
        }
    }

    [Fact]
    public void Doc_macro_prints_the_documentation()
    {
        host.Eval("(doc map) (doc if)");
        var text = host.Out.ToString();
        Assert.Contains("map", text, StringComparison.Ordinal);
        Assert.Contains("Special form", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(flatten nil)", "()")]
    [InlineData("(flatten [[]])", "()")]
    [InlineData("(interleave)", "()")]
    [InlineData("(merge-with + nil nil)", "nil")]
    [InlineData("(reductions + [])", "(0)")]
    [InlineData("(take-last 0 [1])", "nil")]
    [InlineData("(partition-by identity [])", "()")]
    [InlineData("(letfn [(e? [n] (if (zero? n) true (o? (dec n)))) (o? [n] (if (zero? n) false (e? (dec n))))] (e? 200000))", "true")]
    [InlineData("(letfn [(f ([] (f 1)) ([x] [x]) ([x & xs] (count xs)))] [(f) (f 1 2 3)])", "[[1] 2]")]
    public void Clojure_conveniences_handle_edges_and_mutual_tail_recursion(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));
}
