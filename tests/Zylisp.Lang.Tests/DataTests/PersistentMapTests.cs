using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Tests.DataTests;

public class PersistentMapTests
{
    [Fact]
    public void Iterates_in_insertion_order_and_reassoc_keeps_position()
    {
        var map = PersistentMap.Empty.Assoc("c", 1L).Assoc("a", 2L).Assoc("b", 3L).Assoc("c", 4L);
        Assert.Equal(["c", "a", "b"], map.Keys);
        Assert.Equal([4L, 2L, 3L], map.Values);
    }

    [Fact]
    public void Dissoc_removes_and_leaves_original_untouched()
    {
        var map = PersistentMap.Create("a", 1L, "b", 2L);
        var smaller = map.Dissoc("a");
        Assert.Single(smaller);
        Assert.False(smaller.ContainsKey("a"));
        Assert.Equal(2, map.Count);
        Assert.Same(map, map.Dissoc("zzz"));
    }

    [Fact]
    public void Nil_and_collections_work_as_keys()
    {
        var map = PersistentMap.Empty.Assoc(null, "nil").Assoc(PersistentVector.Create(1L), "vec");
        Assert.Equal("nil", map.Get(null));
        Assert.Equal("vec", map.Get(PersistentList.Create(1L)));
        Assert.True(map.ContainsKey(null));
        Assert.Equal("missing", map.Get(Keyword.Of("x"), "missing"));
    }

    [Fact]
    public void Conj_accepts_entries_and_maps()
    {
        var map = PersistentMap.Empty.Conj(PersistentVector.Create("a", 1L)).Conj(PersistentMap.Create("b", 2L));
        Assert.Equal(PersistentMap.Create("a", 1L, "b", 2L), map);
        Assert.Throws<ArgumentException>(() => map.Conj(1L));
    }

    [Fact]
    public void Enumerates_entries_as_vectors()
    {
        var entries = PersistentMap.Create("a", 1L).ToList();
        Assert.Equal(PersistentVector.Create("a", 1L), Assert.Single(entries));
    }

    [Fact]
    public void Create_from_entries_keeps_first_position_and_last_value()
    {
        var map = PersistentMap.CreateRange([new KeyValuePair<object?, object?>("a", 1L), new("b", 2L), new("a", 3L)]);
        Assert.Equal(["a", "b"], map.Keys);
        Assert.Equal(3L, map.Get("a"));
    }

    [Fact]
    public void Many_assocs_and_dissocs_stay_consistent()
    {
        var map = PersistentMap.Empty;
        for (long i = 0; i < 1000; i++)
        {
            map = map.Assoc(i, i * 2);
        }

        for (long i = 0; i < 1000; i += 2)
        {
            map = map.Dissoc(i);
        }

        Assert.Equal(500, map.Count);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (object?)(long)((i * 2) + 1)), map.Keys);
        Assert.Equal(14L, map.Get(7L));
    }

    [Fact]
    public void Random_assoc_and_dissoc_match_an_ordered_model_across_the_small_map_limit()
    {
        var ops = Gen.ListOf(Gen.Two(Gen.Choose(0, 19))).Select(l => l.ToList());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(ops), steps =>
        {
            var keys = new List<object?>();
            var values = new Dictionary<long, object?>();
            var map = PersistentMap.Empty;
            var set = PersistentSet.Empty;
            foreach (var (op, k) in steps)
            {
                long key = k;
                if (op < 13)
                {
                    if (!values.ContainsKey(key))
                    {
                        keys.Add(key);
                    }

                    values[key] = op;
                    map = map.Assoc(key, (long)op);
                    set = set.Conj(key);
                }
                else
                {
                    keys.Remove(key);
                    values.Remove(key);
                    map = map.Dissoc(key);
                    set = set.Disj(key);
                }
            }

            return map.Keys.SequenceEqual(keys)
                && keys.All(key => Equals(map.Get(key), (long)(int)values[(long)key!]!))
                && set.SequenceEqual(keys)
                && map.Count == keys.Count
                && map.Equals(PersistentMap.CreateRange(map.Entries.Reverse()))
                && set.Equals(PersistentSet.CreateRange(keys.AsEnumerable().Reverse()));
        }));
    }
}
