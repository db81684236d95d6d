using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Tests.DataTests;

public class PersistentVectorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(1024)]
    [InlineData(1056)]
    [InlineData(1057)]
    [InlineData(40000)]
    public void Bulk_build_and_conj_agree_across_trie_boundaries(int n)
    {
        var values = Enumerable.Range(0, n).Select(i => (object?)(long)i).ToArray();
        var bulk = PersistentVector.CreateRange(values);
        var conjed = PersistentVector.Empty;
        foreach (var v in values)
        {
            conjed = conjed.Conj(v);
        }

        Assert.Equal(n, bulk.Count);
        Assert.Equal(values, bulk);
        Assert.Equal(values, conjed);
        for (int i = 0; i < n; i += 97)
        {
            Assert.Equal((long)i, bulk[i]);
            Assert.Equal((long)i, conjed[i]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => bulk[n]);
    }

    [Fact]
    public void Pop_back_to_empty_matches_a_list_model()
    {
        var vector = PersistentVector.CreateRange(Enumerable.Range(0, 1100).Select(i => (object?)(long)i));
        for (int remaining = 1100; remaining > 0; remaining--)
        {
            Assert.Equal((long)(remaining - 1), vector[remaining - 1]);
            vector = vector.Pop();
            Assert.Equal(remaining - 1, vector.Count);
        }

        Assert.Same(PersistentVector.Empty, vector);
    }

    [Fact]
    public void Random_operations_match_a_list_model()
    {
        var ops = Gen.ListOf(Gen.Two(Gen.Choose(0, 9))).Select(l => l.ToList());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithEndSize(3000), Prop.ForAll(Arb.From(ops), steps =>
        {
            var model = new List<object?>();
            var vector = PersistentVector.Empty;
            var snapshots = new List<(PersistentVector, object?[])>();
            foreach (var (op, arg) in steps)
            {
                if (op < 6 || model.Count == 0)
                {
                    model.Add((long)arg);
                    vector = vector.Conj((long)arg);
                }
                else if (op < 8)
                {
                    int i = (arg * 7919) % model.Count;
                    model[i] = "s" + arg;
                    vector = vector.Assoc(i, "s" + arg);
                }
                else
                {
                    model.RemoveAt(model.Count - 1);
                    vector = vector.Pop();
                }

                if (arg == 0)
                {
                    snapshots.Add((vector, model.ToArray()));
                }
            }

            // Earlier versions must be unaffected by later updates.
            return vector.SequenceEqual(model) && vector.Count == model.Count
                && snapshots.All(s => s.Item1.SequenceEqual(s.Item2));
        }));
    }

    [Fact]
    public void Slice_and_nth()
    {
        var vector = PersistentVector.CreateRange(Enumerable.Range(0, 100).Select(i => (object?)(long)i));
        Assert.Equal(Enumerable.Range(40, 50).Select(i => (object?)(long)i), vector.Slice(40, 90));
        Assert.Equal(99L, vector.Nth(99));
        Assert.Equal("none", vector.Nth(100, "none"));
        Assert.Equal("none", vector.Nth(-1, "none"));
    }
}
