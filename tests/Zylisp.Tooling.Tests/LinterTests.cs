using Zylisp.Lang.Diagnostics;

namespace Zylisp.Tooling.Tests;

/// <summary>What lint must not report, and the finer points of each finding.</summary>
public class LinterTests
{
    private static List<string> Ids(string text, string file = "t.zl") =>
        LintFileTests.Linter.Lint(text, file).Findings.Select(d => d.Id).ToList();

    [Theory]
    [InlineData("(defn f [x & more] (apply + x more))")]
    [InlineData("(defn f [_x] 1)")]
    [InlineData("(defn f [{:keys [a b] :or {b 2}}] (+ a b))")]
    [InlineData("(defn f [[a & more :as all]] [a more all])")]
    [InlineData("(let (a 1 b 2) (+ a b))")]
    [InlineData("(let ((a 1) (b 2)) (+ a b))")]
    [InlineData("(defn f (a b) (+ a b))")]
    [InlineData("(loop [i 0] (when (< i 3) (recur (inc i))))")]
    [InlineData("(doseq [x [1 2] :let [y (* x 2)] :when (odd? y)] (prn x y))")]
    [InlineData("(for [x [1 2]] x)")]
    [InlineData("(letfn [(ev? [n] (if (zero? n) true (od? (dec n)))) (od? [n] (if (zero? n) false (ev? (dec n))))] (ev? 4))")]
    [InlineData("(try (f) (catch :arithmetic-error e (ex-message e)) (finally (prn 1))) (defn f [] 1)")]
    [InlineData("(defmacro m [x] `(let [y# ~x] (+ y# 1))) (m 2)")]
    [InlineData("(map #(* % 2) [1 2])")]
    [InlineData("(-> [1 2] (map inc) (filter odd?))")]
    [InlineData("(-> {:a 1} (get :a) inc)")]
    [InlineData("(if-let [x (first [1])] x 0)")]
    [InlineData("(case 1 foo 2 (bar baz) 3 4)")]
    [InlineData("(defn f \"doc\" [x] x)")]
    [InlineData("(defn- helper [] 1) (defn g [] (helper))")]
    [InlineData("(declare later) (defn g [] (later)) (defn later [] 1)")]
    [InlineData("(def ^:dynamic *x* 1) (prn *x*)")]
    [InlineData("(Math/sqrt 2.0)")]
    [InlineData("(if true 1 2) (if true 1)")]
    [InlineData("(defprotocol P (area [s])) (defrecord R [w] P (area [_] w)) (prn (area (->R 1)) (map->R {:w 2}))")]
    [InlineData("(import '[System.Text StringBuilder]) (prn (.ToUpper \"x\") (. \"ab\" Substring 1) (StringBuilder.) (new StringBuilder) (instance? System.String 1) System.Math/PI)")]
    public void Idiomatic_code_has_no_findings(string source) => Assert.Empty(Ids(source));

    [Fact]
    public void SLisp_constructors_take_elements() => Assert.Empty(Ids("(prn (vec 1 2 3) (set 1 2))", "t.slisp"));

    [Fact]
    public void Unused_parameters_are_named_as_parameters()
    {
        var finding = Assert.Single(LintFileTests.Linter.Lint("(defn f [x y] x)", "t.zl").Findings);
        Assert.Equal(DiagnosticIds.UnusedLocal, finding.Id);
        Assert.Equal("parameter", finding.Args[0]);
        Assert.Equal(12, finding.Span!.Column);
    }

    [Fact]
    public void A_single_form_do_is_redundant_anywhere() =>
        Assert.Equal([DiagnosticIds.RedundantDo], Ids("(prn (do 1))"));

    [Fact]
    public void Code_after_recur_is_unreachable() =>
        Assert.Contains(DiagnosticIds.UnreachableCode, Ids("(loop [i 0] (if (< i 3) (do (recur (inc i)) (prn i)) i))"));

    [Fact]
    public void A_private_def_counts_too() =>
        Assert.Equal([DiagnosticIds.UnusedPrivate], Ids("(def ^:private secret 42)"));

    [Fact]
    public void A_file_with_read_errors_reports_them_and_no_findings()
    {
        var result = LintFileTests.Linter.Lint("(defn f [x]", "t.zl");
        Assert.Empty(result.Findings);
        Assert.Contains(result.Errors, d => d.Id == DiagnosticIds.UnclosedForm);
    }

    [Fact]
    public void Findings_come_in_source_order()
    {
        var findings = LintFileTests.Linter.Lint("(defn f [a] (undefined-b))\n(defn g [c] 1)", "t.zl").Findings;
        Assert.Equal(findings.OrderBy(d => d.Span!.StartOffset), findings);
        Assert.Equal(3, findings.Count);
    }
}
