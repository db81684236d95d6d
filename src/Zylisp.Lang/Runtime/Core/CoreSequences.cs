using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreCollections;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Sequence functions. map, filter, take, drop, concat, range and repeat are lazy, as in Clojure
/// (their steps are in <see cref="LazySequences"/>); the rest consume their input eagerly. See
/// docs/design/lazy-sequences.md.
/// </summary>
internal static class CoreSequences
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("seq", 1, 1, "([coll])", "The elements of coll as a seq, or nil when it is empty. Realizes the first step of a lazy seq.", (_, a) => SeqOf(a[0])),
        Fn("concat", 0, -1, "([& colls])", "A lazy seq of the elements of every coll in order.", (_, a) => Concat(a)),
        Fn("into", 2, 2, "([to from])", "Adds every element of from to the collection to, as conj does.", (_, a) => Items("into", a[1]).Aggregate(a[0], Conj)),
        Fn("reverse", 1, 1, "([coll])", "The elements in reverse order, as a list.", (_, a) => Items("reverse", a[0]).Aggregate(PersistentList.Empty, (l, x) => l.Cons(x))),
        Fn("sort", 1, 2, "([coll] [comparator coll])", "The elements in order, as a list. The comparator returns a number (negative, zero, positive) or a boolean (true when a sorts first). The sort is stable.", Sort),
        Fn("range", 0, 3, "([] [end] [start end] [start end step])", "A lazy seq of the numbers from start (0) up to but not including end (none: forever), by step (1).", (ctx, a) => Range(ctx, a)),
        Fn("repeat", 1, 2, "([x] [n x])", "A lazy seq of n copies of x (without n, forever).", (ctx, a) =>
            a.Length == 1 ? LazySequences.Repeat(ctx, a[0], null) : LazySequences.Repeat(ctx, a[1], Numbers.ToLong(a[0], "repeat"))),
        Fn("take", 2, 2, "([n coll])", "A lazy seq of the first n elements.", (_, a) => LazySequences.Take(Numbers.ToLong(a[0], "take"), Seqable("take", a[1]))),
        Fn("drop", 2, 2, "([n coll])", "A lazy seq of all but the first n elements.", (ctx, a) => LazySequences.Drop(ctx, Numbers.ToLong(a[0], "drop"), Seqable("drop", a[1]))),
        Fn("map", 2, -1, "([f coll] [f coll & colls])", "A lazy seq of (f x) for each x of coll; with several colls, f takes one element of each and the shortest coll ends it.", (ctx, a) => Map(ctx, a)),
        Fn("mapv", 2, -1, "([f coll] [f coll & colls])", "Like map, returning a vector (eager).", (ctx, a) => PersistentVector.CreateRange(Seq.Enumerate(Map(ctx, a, "mapv")).ToList())),
        Fn("filter", 2, 2, "([pred coll])", "A lazy seq of the elements for which (pred x) is truthy.", (ctx, a) => LazySequences.Filter(ctx, a[0], Seqable("filter", a[1]))),
        Fn("reduce", 2, 3, "([f coll] [f init coll])", "Combines the elements with f from the left: (f (f init x1) x2)...; without init, starts from the first element; (reduce f []) is (f). A step that returns (reduced x) ends it with x.", Reduce),
        Fn("reduced", 1, 1, "([x])", "x wrapped so that reduce stops and returns x; @ reads it.", (_, a) => new Reduced(a[0])),
        Fn("reduced?", 1, 1, "([x])", "True for a value made by reduced.", (_, a) => Box.Bool(a[0] is Reduced)),
        Fn("apply", 2, -1, "([f & args coll])", "Calls f with the args followed by the elements of coll.", (ctx, a) =>
            Callables.Call(ctx, a[0], [.. a.Skip(1).Take(a.Length - 2), .. Items("apply", a[^1])])),
    ];

    /// <summary>coll itself when it is seqable (a lazy function checks its input when called, not when realized).</summary>
    private static object? Seqable(string fn, object? coll) =>
        Seq.IsSeqable(coll) && coll is not ZFunction ? coll : throw RuntimeErrors.WrongType(fn, "a collection", coll);

    private static object? SeqOf(object? coll) => coll switch
    {
        PersistentList { Count: > 0 } l => l,
        Data.Cons c => c,
        LazySeq lazy => lazy.Seq(),
        _ => ListOrNil(Items("seq", coll)),
    };

    private static object Concat(object?[] a)
    {
        if (a.Length == 0)
        {
            return PersistentList.Empty;
        }

        foreach (var coll in a)
        {
            Seqable("concat", coll);
        }

        return LazySequences.Concat(a[0], PersistentList.Create(a.AsSpan(1)));
    }

    /// <summary>(map f coll…), with <paramref name="function"/> (map or mapv) named in a type error.</summary>
    private static object Map(RunContext ctx, object?[] a, string function = "map")
    {
        if (a.Length == 2)
        {
            return LazySequences.Map(ctx, a[0], Seqable(function, a[1]));
        }

        var colls = new object?[a.Length - 1];
        for (int i = 1; i < a.Length; i++)
        {
            colls[i - 1] = Seqable(function, a[i]);
        }

        return LazySequences.MapMany(ctx, a[0], colls);
    }

    private static object? Reduce(RunContext ctx, object?[] a)
    {
        var f = a[0];
        // The walk keeps only the unwalked rest: the argument slot is cleared so that reducing over
        // an infinite (or huge) lazy seq does not hold its head (docs/design/lazy-sequences.md).
        var items = new SeqEnumerator(Seqable("reduce", a[^1]));
        a[^1] = null;
        object? acc;
        if (a.Length == 3)
        {
            acc = a[1];
        }
        else if (items.MoveNext())
        {
            acc = items.Current;
        }
        else
        {
            return Callables.Call(ctx, f, []);
        }

        long steps = 0;
        while (items.MoveNext())
        {
            HostLoop.Poll(ctx, ++steps);
            acc = Callables.Call(ctx, f, acc, items.Current);
            if (acc is Reduced reduced)
            {
                return reduced.Value;
            }
        }

        return acc;
    }

    private static object Sort(RunContext ctx, object?[] a)
    {
        var items = Items("sort", a[^1]).ToArray();
        Comparison<object?> compare = CoreArithmetic.Compare;
        if (a.Length == 2)
        {
            var f = a[0];
            compare = (x, y) => Callables.Call(ctx, f, x, y) switch
            {
                long n => Math.Sign(n),
                double d => Math.Sign(d),
                true => -1,
                false or null => Truth.Clojure(Callables.Call(ctx, f, y, x)) ? 1 : 0,
                var other => throw RuntimeErrors.WrongType("sort", "a comparator returning a number or boolean", other),
            };
        }

        return PersistentList.CreateRange(StableSort.Sort(items, compare));
    }

    private static object Range(RunContext ctx, object?[] a)
    {
        if (a.Length == 0)
        {
            return LazySequences.LongRange(ctx, 0, null, 1);
        }

        object? start = a.Length >= 2 ? a[0] : 0L;
        object? end = a.Length >= 2 ? a[1] : a[0];
        object? step = a.Length == 3 ? a[2] : 1L;
        if (start is long s && end is long e && step is long st)
        {
            return st == 0 ? throw RuntimeErrors.BadArgument("range", "step must not be zero") : LazySequences.LongRange(ctx, s, e, st);
        }

        double ds = Numbers.ToDouble(start, "range"), de = Numbers.ToDouble(end, "range"), dst = Numbers.ToDouble(step, "range");
        return dst == 0 || double.IsNaN(dst) ? throw RuntimeErrors.BadArgument("range", "step must not be zero") : LazySequences.DoubleRange(ctx, ds, de, dst, 0);
    }
}
