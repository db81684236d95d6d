using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreCollections;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Sequence functions. Zylisp's sequences are eager: these return lists (never lazy), so
/// <c>(range)</c> without an end is not supported; see docs/design/interpreter.md.
/// </summary>
internal static class CoreSequences
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("seq", 1, 1, "([coll])", "The elements of coll as a list, or nil when it is empty.", (_, a) => a[0] is PersistentList { Count: > 0 } l ? l : ListOrNil(Items("seq", a[0]))),
        Fn("concat", 0, -1, "([& colls])", "A list of the elements of every coll in order.", (_, a) => PersistentList.CreateRange(a.SelectMany(c => Items("concat", c)).ToList())),
        Fn("into", 2, 2, "([to from])", "Adds every element of from to the collection to, as conj does.", (_, a) => Items("into", a[1]).Aggregate(a[0], Conj)),
        Fn("reverse", 1, 1, "([coll])", "The elements in reverse order, as a list.", (_, a) => Items("reverse", a[0]).Aggregate(PersistentList.Empty, (l, x) => l.Cons(x))),
        Fn("sort", 1, 2, "([coll] [comparator coll])", "The elements in order, as a list. The comparator returns a number (negative, zero, positive) or a boolean (true when a sorts first). The sort is stable.", Sort),
        Fn("range", 1, 3, "([end] [start end] [start end step])", "The numbers from start (0) up to but not including end, by step (1), as a list.", (ctx, a) => Range(ctx, a)),
        Fn("repeat", 2, 2, "([n x])", "A list of n copies of x.", (ctx, a) => Repeat(ctx, a)),
        Fn("take", 2, 2, "([n coll])", "The first n elements, as a list.", (_, a) => PersistentList.CreateRange(Items("take", a[1]).Take((int)Math.Clamp(Numbers.ToLong(a[0], "take"), 0, int.MaxValue)).ToList())),
        Fn("drop", 2, 2, "([n coll])", "All but the first n elements, as a list.", (_, a) => Drop(Numbers.ToLong(a[0], "drop"), a[1])),
        Fn("map", 2, -1, "([f coll] [f coll & colls])", "A list of (f x) for each x of coll; with several colls, f takes one element of each and the shortest coll ends it.", Map),
        Fn("mapv", 2, -1, "([f coll] [f coll & colls])", "Like map, returning a vector.", (ctx, a) => PersistentVector.CreateRange((PersistentList)Map(ctx, a))),
        Fn("filter", 2, 2, "([pred coll])", "A list of the elements for which (pred x) is truthy.", (ctx, a) =>
            PersistentList.CreateRange(Items("filter", a[1]).Where(x => Truth.Clojure(Callables.Call(ctx, a[0], x))).ToList())),
        Fn("reduce", 2, 3, "([f coll] [f init coll])", "Combines the elements with f from the left: (f (f init x1) x2)...; without init, starts from the first element; (reduce f []) is (f).", Reduce),
        Fn("apply", 2, -1, "([f & args coll])", "Calls f with the args followed by the elements of coll.", (ctx, a) =>
            Callables.Call(ctx, a[0], [.. a.Skip(1).Take(a.Length - 2), .. Items("apply", a[^1])])),
    ];

    private static object Drop(long n, object? coll) =>
        coll is PersistentList l && n >= 0 && n <= l.Count
            ? DropList(l, n)
            : PersistentList.CreateRange(Items("drop", coll).Skip((int)Math.Clamp(n, 0, int.MaxValue)).ToList());

    private static PersistentList DropList(PersistentList l, long n)
    {
        for (long i = 0; i < n; i++)
        {
            l = l.Rest;
        }

        return l;
    }

    private static object Map(RunContext ctx, object?[] a)
    {
        var f = a[0];
        if (a.Length == 2)
        {
            var results = new List<object?>();
            foreach (var x in Items("map", a[1]))
            {
                HostLoop.Poll(ctx, results.Count + 1);
                results.Add(Callables.Call(ctx, f, x));
            }

            return PersistentList.CreateRange(results);
        }

        var enumerators = a.Skip(1).Select(c => Items("map", c).GetEnumerator()).ToArray();
        var output = new List<object?>();
        while (enumerators.All(e => e.MoveNext()))
        {
            output.Add(Callables.Call(ctx, f, enumerators.Select(e => e.Current).ToArray()));
        }

        return PersistentList.CreateRange(output);
    }

    private static object? Reduce(RunContext ctx, object?[] a)
    {
        var f = a[0];
        IEnumerable<object?> items;
        object? acc;
        if (a.Length == 3)
        {
            acc = a[1];
            items = Items("reduce", a[2]);
        }
        else
        {
            var all = Items("reduce", a[1]).ToList();
            if (all.Count == 0)
            {
                return Callables.Call(ctx, f, []);
            }

            acc = all[0];
            items = all.Skip(1);
        }

        long steps = 0;
        foreach (var x in items)
        {
            HostLoop.Poll(ctx, ++steps);
            acc = Callables.Call(ctx, f, acc, x);
        }

        return acc;
    }

    private static object Repeat(RunContext ctx, object?[] a)
    {
        long n = Numbers.ToLong(a[0], "repeat");
        if (n > Array.MaxLength)
        {
            throw RuntimeErrors.BadArgument("repeat", $"cannot make a list of {n} elements (at most {Array.MaxLength})");
        }

        var copies = new object?[Math.Max(0, n)];
        for (long i = 0; i < copies.Length; i++)
        {
            HostLoop.Poll(ctx, i);
            copies[i] = a[1];
        }

        return PersistentList.CreateRange(copies);
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
        object? start = a.Length >= 2 ? a[0] : 0L;
        object? end = a.Length >= 2 ? a[1] : a[0];
        object? step = a.Length == 3 ? a[2] : 1L;
        var items = new List<object?>();
        if (start is long s && end is long e && step is long st)
        {
            if (st == 0)
            {
                throw RuntimeErrors.BadArgument("range", "step must not be zero");
            }

            long steps = 0;
            for (long i = s; st > 0 ? i < e : i > e; i = checked(i + st))
            {
                HostLoop.Poll(ctx, ++steps);
                items.Add(Box.Long(i));
                if (st > 0 ? i > long.MaxValue - st : i < long.MinValue - st)
                {
                    break; // the next step would pass the end of the 64-bit range
                }
            }
        }
        else
        {
            double ds = Numbers.ToDouble(start, "range"), de = Numbers.ToDouble(end, "range"), dst = Numbers.ToDouble(step, "range");
            if (dst == 0 || double.IsNaN(dst))
            {
                throw RuntimeErrors.BadArgument("range", "step must not be zero");
            }

            for (long k = 0; ; k++)
            {
                double x = ds + k * dst;
                if (dst > 0 ? x >= de : x <= de)
                {
                    break;
                }

                HostLoop.Poll(ctx, k + 1);
                items.Add(x);
            }
        }

        return PersistentList.CreateRange(items);
    }
}
