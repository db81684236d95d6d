using Zylisp.Lang.Data;

namespace Zylisp.Lang.Tests.DataTests;

public class ValueEqualityTests
{
    private static readonly ValueEquality Eq = ValueEquality.Instance;

    [Fact]
    public void List_and_vector_with_equal_elements_are_equal_and_hash_alike()
    {
        var list = PersistentList.Create(1L, 2L);
        var vector = PersistentVector.Create(1L, 2L);
        Assert.True(Eq.Equals(list, vector));
        Assert.Equal(Eq.GetHashCode(list), Eq.GetHashCode(vector));
    }

    [Fact]
    public void Long_never_equals_double()
    {
        Assert.False(Eq.Equals(1L, 1.0));
        Assert.False(Eq.Equals(PersistentVector.Create(1L), PersistentVector.Create(1.0)));
    }

    [Fact]
    public void Maps_compare_by_content_not_insertion_order()
    {
        var a = PersistentMap.Create(Keyword.Of("a"), 1L, Keyword.Of("b"), 2L);
        var b = PersistentMap.Create(Keyword.Of("b"), 2L, Keyword.Of("a"), 1L);
        Assert.True(Eq.Equals(a, b));
        Assert.Equal(Eq.GetHashCode(a), Eq.GetHashCode(b));
        Assert.False(Eq.Equals(a, b.Assoc(Keyword.Of("a"), 3L)));
    }

    [Fact]
    public void Sets_compare_by_content()
    {
        Assert.True(Eq.Equals(PersistentSet.Create(1L, 2L), PersistentSet.Create(2L, 1L)));
        Assert.False(Eq.Equals(PersistentSet.Create(1L, 2L), PersistentSet.Create(1L)));
    }

    [Fact]
    public void Symbols_compare_by_namespace_and_name_ignoring_span()
    {
        var span = new Syntax.SourceSpan("f", 1, 1, 1, 2, 0, 1);
        Assert.True(Eq.Equals(Symbol.Of("a").WithSpan(span), Symbol.Of("a")));
        Assert.True(Eq.Equals(Symbol.Of("fmt/Println"), Symbol.Of("fmt", "Println")));
        Assert.False(Eq.Equals(Symbol.Of("a"), Symbol.Of("b")));
        Assert.False(Eq.Equals(Symbol.Of("a"), Keyword.Of("a")));
    }

    [Fact]
    public void Keywords_are_interned()
    {
        Assert.Same(Keyword.Of("ns/k"), Keyword.Of("ns", "k"));
        Assert.Equal("ns", Keyword.Of("ns/k").Namespace);
    }

    [Fact]
    public void Nested_collections_compare_structurally()
    {
        var a = PersistentMap.Create(PersistentVector.Create(1L, "x"), PersistentSet.Create(PersistentList.Empty));
        var b = PersistentMap.Create(PersistentList.Create(1L, "x"), PersistentSet.Create(PersistentVector.Empty));
        Assert.True(Eq.Equals(a, b));
        Assert.Equal(Eq.GetHashCode(a), Eq.GetHashCode(b));
    }

    [Fact]
    public void Negative_zero_and_NaN_are_reflexive_keys()
    {
        Assert.True(Eq.Equals(0.0, -0.0));
        Assert.Equal(Eq.GetHashCode(0.0), Eq.GetHashCode(-0.0));
        Assert.True(PersistentSet.Create(double.NaN).Contains(double.NaN));
    }
}

public class DeepValueTests
{
    /// <summary>Issue 15 item 1 changed this: deep values used to throw InsufficientExecutionStackException; now they work.</summary>
    [Fact]
    public void Very_deep_values_hash_print_and_compare_on_a_one_megabyte_stack()
    {
        object? map = null;
        object? list = null;
        for (int i = 0; i < 200_000; i++)
        {
            map = PersistentMap.Create("k", map);
            list = PersistentList.Create(list);
        }

        // Each runs on a fresh thread with the default 1 MB stack, like a host's worker would.
        Assert.True(Completes(() => ValueEquality.Instance.GetHashCode(map)));
        Assert.True(Completes(() => Printing.Printer.PrStr(list)));
        Assert.True(Completes(() => Assert.False(ValueEquality.AreEqual(list, PersistentList.Create(list)))));
    }

    private static bool Completes(Action action)
    {
        bool completed = false;
        var thread = new Thread(() =>
        {
            action();
            completed = true;
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        return completed;
    }
}
