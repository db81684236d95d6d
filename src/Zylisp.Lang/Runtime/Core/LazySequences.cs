using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// The lazy sequence builders behind map, filter, take, drop, concat, range and repeat: each
/// returns a <see cref="LazySeq"/> whose step computes one element (range and repeat, which have
/// no side effects, make 32 at a time). A step that walks many source elements (filter, drop)
/// advances its captured variable instead of a local, so the walked part can be collected while it
/// runs. See docs/design/lazy-sequences.md.
/// </summary>
internal static class LazySequences
{
    private const int Chunk = 32;

    public static LazySeq Map(RunContext ctx, object? f, object? coll) => new(() =>
    {
        var node = Seq.Node(coll);
        return node is null ? null : new Cons(Callables.Call(ctx, f, Seq.NodeFirst(node)), Map(ctx, f, Seq.NodeMore(node)));
    });

    public static LazySeq MapMany(RunContext ctx, object? f, object?[] colls) => new(() =>
    {
        var firsts = new object?[colls.Length];
        var mores = new object?[colls.Length];
        for (int i = 0; i < colls.Length; i++)
        {
            if (Seq.Node(colls[i]) is not { } node)
            {
                return null;
            }

            firsts[i] = Seq.NodeFirst(node);
            mores[i] = Seq.NodeMore(node);
        }

        return new Cons(Callables.Call(ctx, f, firsts), MapMany(ctx, f, mores));
    });

    public static LazySeq Filter(RunContext ctx, object? pred, object? coll) => new(() =>
    {
        long steps = 0;
        while (Seq.Node(coll) is { } node)
        {
            var x = Seq.NodeFirst(node);
            coll = Seq.NodeMore(node);
            if (Truth.Clojure(Callables.Call(ctx, pred, x)))
            {
                return new Cons(x, Filter(ctx, pred, coll));
            }

            HostLoop.Poll(ctx, ++steps);
        }

        return null;
    });

    public static object Take(long n, object? coll) => n <= 0 ? PersistentList.Empty : new LazySeq(() =>
    {
        var node = Seq.Node(coll);
        return node is null ? null : new Cons(Seq.NodeFirst(node), n == 1 ? PersistentList.Empty : Take(n - 1, Seq.NodeMore(node)));
    });

    public static LazySeq Drop(RunContext ctx, long n, object? coll) => new(() =>
    {
        for (; n > 0; n--)
        {
            if (Seq.Node(coll) is not { } node)
            {
                return null;
            }

            coll = Seq.NodeMore(node);
            HostLoop.Poll(ctx, n);
        }

        return coll;
    });

    /// <summary>The elements of <paramref name="current"/>, then of each of <paramref name="others"/>; the last coll is shared, not copied.</summary>
    public static LazySeq Concat(object? current, PersistentList others) => new(() =>
    {
        var node = Seq.Node(current);
        var rest = others;
        while (node is null)
        {
            if (rest.Count == 0)
            {
                return null;
            }

            node = Seq.Node(rest.First);
            rest = rest.Rest;
        }

        return rest.Count == 0 ? node : new Cons(Seq.NodeFirst(node), Concat(Seq.NodeMore(node), rest));
    });

    /// <summary>Integers from start by step while before end (no end: forever, stopping before the 64-bit range overflows).</summary>
    public static LazySeq LongRange(RunContext ctx, long start, long? end, long step) => new(() =>
    {
        HostLoop.Poll(ctx, 0);
        var items = new List<object?>(Chunk);
        long i = start;
        bool more = true;
        while (items.Count < Chunk)
        {
            if (end is { } e && (step > 0 ? i >= e : i <= e))
            {
                more = false;
                break;
            }

            items.Add(Box.Long(i));
            if (step > 0 ? i > long.MaxValue - step : i < long.MinValue - step)
            {
                more = false; // the next step would pass the end of the 64-bit range
                break;
            }

            i += step;
        }

        return Chain(items, more ? LongRange(ctx, i, end, step) : null);
    });

    /// <summary>start + k*step for k = first, first+1, ... while before end (floating point).</summary>
    public static LazySeq DoubleRange(RunContext ctx, double start, double end, double step, long first) => new(() =>
    {
        HostLoop.Poll(ctx, 0);
        var items = new List<object?>(Chunk);
        long k = first;
        bool more = true;
        while (items.Count < Chunk)
        {
            double x = start + (k * step);
            if (step > 0 ? x >= end : x <= end)
            {
                more = false;
                break;
            }

            items.Add(x);
            k++;
        }

        return Chain(items, more ? DoubleRange(ctx, start, end, step, k) : null);
    });

    /// <summary>x, <paramref name="n"/> times (null: forever).</summary>
    public static object Repeat(RunContext ctx, object? x, long? n) => n <= 0 ? PersistentList.Empty : new LazySeq(() =>
    {
        HostLoop.Poll(ctx, 0);
        int size = n is { } count ? (int)Math.Min(count, Chunk) : Chunk;
        var items = new List<object?>(size);
        for (int i = 0; i < size; i++)
        {
            items.Add(x);
        }

        long? left = n - size;
        return Chain(items, left is null or > 0 ? Repeat(ctx, x, left) : null);
    });

    /// <summary>The items as cons cells ending in <paramref name="tail"/>.</summary>
    private static object? Chain(List<object?> items, object? tail)
    {
        object? seq = tail;
        for (int i = items.Count - 1; i >= 0; i--)
        {
            seq = new Cons(items[i], seq);
        }

        return seq;
    }
}
