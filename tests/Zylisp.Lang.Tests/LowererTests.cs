using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Tests;

/// <summary>The lowering pass's shape: trivial operands, hoisted compound values, explicit tail calls and recur (issue 8).</summary>
public sealed class LowererTests
{
    private readonly LangTestHost host = new();

    private string Lowered(string source) => Assert.IsType<string>(Assert.Single(host.Engine.DumpAfter("lower", source).Forms));

    [Fact]
    public void Every_operand_of_a_call_is_trivial()
    {
        var ir = Lowered("(fn [x] (+ 1 (if (> x 0) (* x 2) 0)))");
        Assert.Contains("(set! t2@2 (call #'> x@0 0))", ir, StringComparison.Ordinal);
        Assert.Contains("(set! t1@1 (call #'* x@0 2))", ir, StringComparison.Ordinal);
        Assert.Contains("(tail-call #'+ 1 t1@1)", ir, StringComparison.Ordinal);
    }

    [Fact]
    public void A_try_in_tail_position_returns_its_temporary_after_the_try()
    {
        var ir = Lowered("(fn [x] (try (/ 1 x) (catch e 0)))");
        Assert.Contains("(set! t1@2 (call #'/ 1 x@0))", ir, StringComparison.Ordinal);
        Assert.Contains("(catch e@1", ir, StringComparison.Ordinal);
        Assert.Contains("(set! t1@2 0)", ir, StringComparison.Ordinal);
        Assert.Contains(")\n      (return t1@2))", ir, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_in_value_position_assigns_its_result_and_recur_rebinds_all_at_once()
    {
        var ir = Lowered("(inc (loop [i 0 acc 0] (if (< i 3) (recur (inc i) (+ acc i)) acc)))");
        Assert.Contains("(loop [i@0 acc@1]", ir, StringComparison.Ordinal);
        Assert.Contains("(recur [i@0 t3@4 acc@1 t4@5])", ir, StringComparison.Ordinal);
        Assert.Contains("(set! t1@2 acc@1)", ir, StringComparison.Ordinal);
        Assert.Contains("(return (call #'inc t1@2))", ir, StringComparison.Ordinal);
    }

    [Fact]
    public void Temporaries_extend_the_frame_after_the_analyzers_slots()
    {
        var top = new Analyzer(new Runtime.GlobalEnvironment(), Truthiness.Clojure).AnalyzeTopLevel(
            Syntax.Reader.ReadAll("(let [a 1] (vector (if a 1 2) (do a 3)))", "<test>").Forms[0]);
        var lowered = Lowerer.Lower(top);
        Assert.Equal(top.FrameSize + 2, lowered.FrameSize); // one temporary each for the if and the do
        Assert.All(Flatten(lowered.Body), s => Assert.IsNotType<ExprStmt>(s));
    }

    [Fact]
    public void Statement_context_keeps_effects_and_drops_pure_reads()
    {
        var ir = Lowered("(do (println 1) 2 (def x 3) x)");
        Assert.Contains("(call #'println 1)", ir, StringComparison.Ordinal);
        Assert.Contains("(def x 3)", ir, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  2", ir, StringComparison.Ordinal);
        Assert.EndsWith("(return #'x))", ir, StringComparison.Ordinal);
    }

    [Fact]
    public void Throw_and_recur_leave_their_block()
    {
        var ir = Lowered("(defn f [n] (if (< n 0) (throw (ex-info \"neg\" {})) (recur (dec n))))");
        Assert.Contains("(throw t", ir, StringComparison.Ordinal);
        Assert.Contains("(recur [n@0 t", ir, StringComparison.Ordinal);
    }

    private static IEnumerable<LStmt> Flatten(IEnumerable<LStmt> statements) =>
        statements.SelectMany(s => s switch
        {
            IfStmt i => [s, .. Flatten(i.Then), .. Flatten(i.Else)],
            LoopStmt l => [s, .. Flatten(l.Body)],
            TryStmt t => [s, .. Flatten(t.Body), .. Flatten(t.Handler ?? []), .. Flatten(t.Finally ?? [])],
            _ => new[] { s },
        });
}
