using Zylisp.Lang.Data;

namespace Zylisp.Lang.Tests.DataTests;

public class CollectionTests
{
    [Fact]
    public void List_cons_first_rest_count()
    {
        var list = PersistentList.Empty.Cons(2L).Cons(1L);
        Assert.Equal(2, list.Count);
        Assert.Equal(1L, list.First);
        Assert.Equal(PersistentList.Create(2L), list.Rest);
        Assert.Equal(2L, list[1]);
        Assert.Null(PersistentList.Empty.First);
        Assert.Same(PersistentList.Empty, PersistentList.Empty.Rest);
    }

    [Fact]
    public void Vector_conj_assoc_pop_nth()
    {
        var v = PersistentVector.Empty.Conj(1L).Conj(2L).Assoc(0, "x").Assoc(2, 3L);
        Assert.Equal(PersistentVector.Create("x", 2L, 3L), v);
        Assert.Equal(PersistentVector.Create("x", 2L), v.Pop());
        Assert.Equal("nf", v.Nth(5, "nf"));
        Assert.Throws<InvalidOperationException>(() => PersistentVector.Empty.Pop());
    }

    [Fact]
    public void Seq_enumerates_every_collection()
    {
        Assert.Empty(Seq.Enumerate(null));
        Assert.Equal(["a", "😀", "b"], Seq.Enumerate("a😀b"));
        Assert.Equal(3, Seq.Count("a😀b"));
        Assert.Equal([1L, 2L], Seq.Enumerate(PersistentSet.Create(1L, 2L)));
        Assert.Equal(PersistentList.Create(1L), Seq.ToList(PersistentVector.Create(1L)));
        Assert.Throws<ArgumentException>(() => Seq.Enumerate(1L).ToList());
    }

    [Fact]
    public void Strings_index_by_code_point()
    {
        Assert.Equal(2, ZylispStrings.CodePointCount("é😀"));
        Assert.Equal("😀", ZylispStrings.Substring("é😀x", 1, 2));
        Assert.Equal("x😀é", ZylispStrings.Reverse("é😀x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZylispStrings.Substring("ab", 1, 3));
    }

    [Fact]
    public async Task Atom_swap_loses_no_updates_under_contention()
    {
        var atom = new Atom(0L);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                atom.Swap(v => (long)v! + 1);
            }
        }));
        await Task.WhenAll(workers);
        Assert.Equal(4000L, atom.Deref());
    }
}
