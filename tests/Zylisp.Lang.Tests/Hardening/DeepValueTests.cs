using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>Issue 15 item 1: printing, equality and hashing of deep or self-referencing values.</summary>
public class DeepValueTests
{
    private readonly LangTestHost host = new();

    private static object? Nest(int depth)
    {
        object? v = PersistentVector.Empty;
        for (int i = 0; i < depth; i++)
        {
            v = PersistentVector.CreateRange([v]);
        }

        return v;
    }

    /// <summary>Issue 15 item 1: `zylisp eval '(reduce (fn [v _] [v]) [] (range 60000))'` died with InsufficientExecutionStackException.</summary>
    [Fact]
    public void A_60000_deep_vector_prints_cut_off_at_the_print_depth()
    {
        var printed = host.Show("(reduce (fn [v _] [v]) [] (range 60000))");
        Assert.Equal(new string('[', 10_000) + "#" + new string(']', 10_000), printed);
    }

    /// <summary>Issue 15 item 1: the printer keeps its own stack, so even the CLI's main thread (small stack) prints any depth.</summary>
    [Fact]
    public void Printing_a_million_deep_value_on_a_small_stack_does_not_overflow()
    {
        var value = Nest(1_000_000);
        string? printed = null;
        var thread = new Thread(() => printed = Printer.PrStr(value, new RuntimeLimits { MaxPrintDepth = int.MaxValue }), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(2_000_002, printed!.Length);
    }

    /// <summary>Issue 15 item 1: `(def a (atom nil)) (reset! a a)` killed the REPL.</summary>
    [Fact]
    public void A_self_referencing_atom_prints_its_cycle()
    {
        Assert.Equal("#<atom #<cycle>>", host.Show("(def a (atom nil)) (reset! a a)"));
        Assert.Equal("#<atom [1 #<cycle>]>", host.Show("(def b (atom nil)) (reset! b [1 b]) b"));
        Assert.Equal("\"#<atom #<cycle>>\"", host.Show("(pr-str a)"));
        Assert.Equal("\"#<atom #<cycle>>\"", host.Show("(str a)"));
        Assert.Equal("true", host.Show("(= a a)"));
        Assert.Equal("1", host.Show("(count (hash-set a a))"));
    }

    /// <summary>Issue 15 item 1: an atom that appears twice side by side is not a cycle.</summary>
    [Fact]
    public void The_same_atom_twice_is_not_a_cycle() =>
        Assert.Equal("[#<atom 1> #<atom 1>]", host.Show("(def c (atom 1)) [c c]"));

    /// <summary>Issue 15 item 1: equality and hashing of deep values walk without recursion, on any thread.</summary>
    [Fact]
    public void Deep_values_compare_and_hash_on_a_small_stack()
    {
        var (a, b, c) = (Nest(300_000), Nest(300_000), Nest(299_999));
        bool equal = false, unequal = true;
        int hashA = 0, hashB = 0;
        var thread = new Thread(
            () =>
            {
                hashA = ValueEquality.Instance.GetHashCode(a);
                hashB = ValueEquality.Instance.GetHashCode(b);
                equal = ValueEquality.AreEqual(a, b);
                unequal = ValueEquality.AreEqual(a, c);
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.True(equal);
        Assert.False(unequal);
        Assert.Equal(hashA, hashB);
    }

    /// <summary>Issue 15 item 1: deep maps and sets (keys and values) hash and compare without recursion too.</summary>
    [Fact]
    public void Deep_maps_and_sets_compare_and_hash()
    {
        Assert.Equal("true", host.Show("(let [f (fn [n] (reduce (fn [m i] {i m}) {} (range n)))] (= (f 50000) (f 50000)))"));
        Assert.Equal("false", host.Show("(let [f (fn [n x] (reduce (fn [m i] {i m}) {:end x} (range n)))] (= (f 50000 1) (f 50000 2)))"));
        Assert.Equal("2", host.Show("(let [f (fn [n] (reduce (fn [s _] #{s}) #{} (range n)))] (count (hash-set (f 50000) (f 50001))))"));
    }

    /// <summary>Issue 15 item 1: an empty map hashes to a cached value, so sets of empty sets nested deeply hash without recursion.</summary>
    [Fact]
    public void Collections_whose_sum_hash_is_zero_still_cache_it()
    {
        object? s = PersistentSet.Empty;
        for (int i = 0; i < 200_000; i++)
        {
            s = PersistentSet.CreateRange([s]);
        }

        int hash = 0;
        var thread = new Thread(() => hash = s!.GetHashCode(), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(hash, s!.GetHashCode());
    }

    /// <summary>SLisp's str cuts off deep values too.</summary>
    [Fact]
    public void Slisp_str_cuts_off_at_the_print_depth() =>
        Assert.Equal("[[#]]", Printer.SlispStr(Nest(5), new RuntimeLimits { MaxPrintDepth = 2 }));
}
