using Zylisp.Lang.Data;

namespace Zylisp.Lang.Tests.DataTests;

public class PersistentSetTests
{
    [Fact]
    public void Keeps_insertion_order_and_ignores_duplicates()
    {
        var set = PersistentSet.Empty.Conj(3L).Conj(1L).Conj(3L).Conj(2L);
        Assert.Equal([3L, 1L, 2L], set);
    }

    [Fact]
    public void Disj_removes()
    {
        var set = PersistentSet.Create(1L, 2L, null);
        Assert.True(set.Contains(null));
        var smaller = set.Disj(1L);
        Assert.False(smaller.Contains(1L));
        Assert.Equal(2, smaller.Count);
        Assert.Same(set, set.Disj(9L));
    }

    [Fact]
    public void Uses_structural_equality()
    {
        var set = PersistentSet.Create(PersistentVector.Create(1L, 2L));
        Assert.True(set.Contains(PersistentList.Create(1L, 2L)));
        Assert.False(set.Contains(PersistentList.Create(1.0, 2.0)));
    }
}
