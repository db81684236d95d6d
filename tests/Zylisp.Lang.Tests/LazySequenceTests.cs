using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>Lazy sequences (issue 13): laziness, realization once, printing, equality, and lazy = eager on finite input.</summary>
public class LazySequenceTests
{
    private readonly LangTestHost host = new();

    [Theory]
    [InlineData("(take 5 (range))", "(0 1 2 3 4)")]
    [InlineData("(take 3 (iterate inc 10))", "(10 11 12)")]
    [InlineData("(take 5 (cycle [1 2]))", "(1 2 1 2 1)")]
    [InlineData("(take 2 (repeat :x))", "(:x :x)")]
    [InlineData("(take 2 (repeatedly (fn [] 0)))", "(0 0)")]
    [InlineData("(take 3 (filter even? (map inc (range))))", "(2 4 6)")]
    [InlineData("(take 4 (mapcat (fn [x] [x x]) (range)))", "(0 0 1 1)")]
    [InlineData("(take 4 (interleave (range) (repeat :a)))", "(0 :a 1 :a)")]
    [InlineData("(take 2 (partition 2 (range)))", "((0 1) (2 3))")]
    [InlineData("(take 3 (for [x (range) :when (odd? x)] x))", "(1 3 5)")]
    [InlineData("(nth (range) 100000)", "100000")]
    [InlineData("(lazy-seq nil)", "()")]
    [InlineData("(cons 1 (lazy-seq [2]))", "(1 2)")]
    [InlineData("(take 3 (lazy-cat [1] (range 5 9)))", "(1 5 6)")]
    [InlineData("(drop-last (range 4))", "(0 1 2)")]
    public void Infinite_and_lazy_sequences_give_Clojure_results(string source, string printed) =>
        Assert.Equal(printed, host.Show(source));

    [Fact]
    public void A_lazy_seq_runs_nothing_until_used_and_each_step_once()
    {
        host.Eval("(def n (atom 0)) (def xs (map (fn [x] (swap! n inc) x) [1 2 3]))");
        Assert.Equal("[0 false]", host.Show("[@n (realized? xs)]"));
        Assert.Equal("(1 2 3)", host.Show("(doall xs)"));
        Assert.Equal("(1 2 3)", host.Show("(doall xs)"));
        Assert.Equal("3", host.Show("@n"));
    }

    [Fact]
    public void Dorun_walks_for_side_effects_and_returns_nil()
    {
        host.Eval("(def n (atom 0))");
        Assert.Equal("nil", host.Show("(dorun (map (fn [_] (swap! n inc)) (range 1000)))"));
        Assert.Equal("1000", host.Show("@n"));
        Assert.Equal("nil", host.Show("(dorun 5 (range))"));
    }

    [Fact]
    public void A_long_run_of_skipped_elements_uses_no_host_stack() =>
        Assert.Equal("(1000000)", host.Show("(take 1 (filter (fn [x] (= x 1000000)) (range)))"));

    [Fact]
    public void Lazy_seqs_are_seqs_that_equal_and_hash_like_lists()
    {
        Assert.Equal("true", host.Show("(= (map inc [1 2]) [2 3] '(2 3))"));
        Assert.Equal("true", host.Show("(= (hash (map inc [1 2])) (hash '(2 3)))"));
        Assert.Equal("false", host.Show("(= (range) [0 1])"));
        Assert.Equal("[true false true]", host.Show("[(seq? (range 1)) (list? (range 1)) (sequential? (range 1))]"));
        Assert.Equal(":lazy-seq", host.Show("(type (map inc []))"));
    }

    [Fact]
    public void A_macro_may_return_a_lazy_seq_as_code()
    {
        host.Eval("(defmacro plus-all [& xs] (cons '+ (map identity xs)))");
        Assert.Equal("6", host.Show("(plus-all 1 2 3)"));
        Assert.Equal("3", host.Show("(eval (cons '+ (lazy-seq [1 2])))"));
    }

    [Fact]
    public void Realized_p_needs_a_lazy_seq() =>
        host.Fails("(realized? [1])", DiagnosticIds.WrongType);

    [Fact]
    public void Lazy_functions_equal_their_eager_meaning_on_finite_input() =>
        Prop.ForAll<long[], int>((xs, n) =>
        {
            n = Math.Abs(n % 10);
            var items = xs.Cast<object?>().ToArray();
            host.Engine.SetGlobal("%xs", PersistentVector.Create(items));
            host.Engine.SetGlobal("%n", (long)n);
            bool Same(string lazy, IEnumerable<object?> eager) =>
                ValueEquality.AreEqual(host.Eval(lazy), PersistentList.CreateRange(eager));
            return Same("(map inc %xs)", items.Select(x => (object?)((long)x! + 1)))
                && Same("(filter even? %xs)", items.Where(x => (long)x! % 2 == 0))
                && Same("(take %n %xs)", items.Take(n))
                && Same("(drop %n %xs)", items.Skip(n))
                && Same("(take-while pos? %xs)", items.TakeWhile(x => (long)x! > 0))
                && Same("(drop-while pos? %xs)", items.SkipWhile(x => (long)x! > 0))
                && Same("(concat %xs %xs)", items.Concat(items))
                && Same("(distinct %xs)", items.Distinct(ValueEquality.Instance));
        })
        .QuickCheckThrowOnFailure();
}
