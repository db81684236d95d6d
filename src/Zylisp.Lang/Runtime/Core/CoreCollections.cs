using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Constructors, access and update of lists, vectors, maps and sets.</summary>
internal static class CoreCollections
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("list", 0, -1, "([& items])", "A list of the arguments.", (_, a) => PersistentList.Create(a)),
        Fn("vector", 0, -1, "([& items])", "A vector of the arguments.", (_, a) => PersistentVector.Create(a)),
        Fn("hash-map", 0, -1, "([& keyvals])", "A map of the key/value arguments.", (_, a) =>
            a.Length % 2 == 0 ? MapOf(a) : throw RuntimeErrors.BadArgument("hash-map", "needs an even number of arguments")),
        Fn("hash-set", 0, -1, "([& items])", "A set of the arguments.", (_, a) => PersistentSet.Create(a)),
        Fn("vec", 1, 1, "([coll])", "A vector of the elements of coll.", (_, a) => PersistentVector.CreateRange(Items("vec", a[0]))),
        Fn("set", 1, 1, "([coll])", "A set of the elements of coll.", (_, a) => PersistentSet.CreateRange(Items("set", a[0]))),
        Fn("cons", 2, 2, "([x coll])", "A seq with x in front of the elements of coll: a list when coll is a list, a lazy cell (coll unrealized) when it is a lazy seq.", (_, a) => Cons(a[0], a[1])),
        Fn("conj", 0, -1, "([coll & xs])", "Adds xs to coll where it is cheapest: front of a list, end of a vector, into a set or map ([k v] entries). (conj nil x) is a list.", (_, a) =>
            a.Length == 0 ? PersistentVector.Empty : a.Skip(1).Aggregate(a[0], Conj)),
        Fn("first", 1, 1, "([coll])", "The first element, or nil when coll is empty or nil.", (_, a) => First(a[0]), body1: (_, x) => First(x)),
        Fn("second", 1, 1, "([coll])", "The second element, or nil.", (_, a) => Nth(a[0], 1)),
        Fn("last", 1, 1, "([coll])", "The last element, or nil.", (_, a) => Last(a[0])),
        Fn("rest", 1, 1, "([coll])", "The elements after the first, as a seq (the empty list when there are none).", (_, a) => Rest(a[0]), body1: (_, x) => Rest(x)),
        Fn("next", 1, 1, "([coll])", "The elements after the first, as a seq, or nil when there are none.", (_, a) => Next(a[0]), body1: (_, x) => Next(x)),
        Fn("nth", 2, 3, "([coll index] [coll index not-found])", "The element at index; out of range is an error unless not-found is given.", (_, a) =>
            CoreLookup.Nth(a[0], a[1], "nth", a.Length == 3, a.Length == 3 ? a[2] : null)),
        Fn("get", 2, 3, "([m key] [m key not-found])", "The value for key in a map or set, or at an index of a vector or string; not-found (nil) when absent.", (_, a) =>
            CoreLookup.Get(a[0], a[1], a.Length == 3 ? a[2] : null), body2: (_, m, k) => CoreLookup.Get(m, k)),
        Fn("assoc", 3, -1, "([m k v & kvs])", "m with each key set to its value. Works on maps (nil is an empty map) and vectors (index up to count).", (_, a) => Assoc(a)),
        Fn("dissoc", 1, -1, "([m & keys])", "m without the keys (nil stays nil, as with disj). A record without one of its declared fields is a plain map.", (_, a) =>
            a[0] is null ? null : a[0] is RecordValue record ? Records.Dissoc(record, a.AsSpan(1)) : a.Skip(1).Aggregate(AsMap("dissoc", a[0]), (m, k) => m.Dissoc(k))),
        Fn("disj", 1, -1, "([s & items])", "The set s without the items.", (_, a) =>
            a[0] is null ? null : a.Skip(1).Aggregate(a[0] as PersistentSet ?? throw RuntimeErrors.WrongType("disj", "a set", a[0]), (s, x) => s.Disj(x))),
        Fn("contains?", 2, 2, "([coll key])", "True when the map or set has key, or the vector or string has the index.", (_, a) => Box.Bool(CoreLookup.Contains(a[0], a[1]))),
        Fn("keys", 1, 1, "([m])", "The keys of the map as a list, or nil when empty.", (_, a) => ListOrNil(AsMap("keys", a[0]).Keys)),
        Fn("vals", 1, 1, "([m])", "The values of the map as a list, or nil when empty.", (_, a) => ListOrNil(AsMap("vals", a[0]).Values)),
        Fn("count", 1, 1, "([coll])", "Number of elements; strings count code points; nil is 0.", (_, a) => Count(a[0]), body1: (_, x) => Count(x)),
        Fn("empty", 1, 1, "([coll])", "An empty collection of the same kind, or nil.", (_, a) => a[0] switch
        {
            PersistentList or LazySeq or Data.Cons => PersistentList.Empty,
            PersistentVector => PersistentVector.Empty,
            PersistentMap m => m.EmptyLike(),
            PersistentSet s => s.EmptyLike(),
            RecordValue => PersistentMap.Empty,
            _ => null,
        }),
        Fn("peek", 1, 1, "([coll])", "The first element of a list or the last of a vector.", (_, a) => a[0] is PersistentVector v ? (v.Count == 0 ? null : v[^1]) : First(a[0])),
        Fn("pop", 1, 1, "([coll])", "A list without its first element or a vector without its last.", (_, a) => a[0] switch
        {
            PersistentVector { Count: > 0 } v => v.Pop(),
            PersistentList { Count: > 0 } l => l.Rest,
            _ => throw RuntimeErrors.BadArgument("pop", "cannot pop an empty or non-stack collection"),
        }),
        Fn("subvec", 2, 3, "([v start] [v start end])", "The elements of vector v from start up to end.", (_, a) =>
        {
            var v = a[0] as PersistentVector ?? throw RuntimeErrors.WrongType("subvec", "a vector", a[0]);
            long start = Numbers.ToLong(a[1], "subvec"), end = a.Length == 3 ? Numbers.ToLong(a[2], "subvec") : v.Count;
            return start < 0 || end > v.Count || start > end ? throw RuntimeErrors.IndexOutOfRange("subvec", start < 0 || start > end ? start : end, v.Count) : v.Slice((int)start, (int)end);
        }),
    ];

    /// <summary>The elements of a seqable value; a type error naming <paramref name="fn"/> otherwise.</summary>
    public static IEnumerable<object?> Items(string fn, object? coll) =>
        Seq.IsSeqable(coll) && coll is not ZFunction ? Seq.Enumerate(coll) : throw RuntimeErrors.WrongType(fn, "a collection", coll);

    public static PersistentList ToList(string fn, object? coll) => coll as PersistentList ?? PersistentList.CreateRange(Items(fn, coll));

    public static object? ListOrNil(IEnumerable<object?> items)
    {
        var list = PersistentList.CreateRange(items);
        return list.Count == 0 ? null : list;
    }

    public static object Count(object? coll) => coll switch
    {
        null => Box.Long(0),
        IZylispCollection c => Box.Long(c.Count),
        string s => Box.Long(ZylispStrings.CodePointCount(s)),
        _ => throw RuntimeErrors.WrongType("count", "a collection or string", coll),
    };

    public static object? Cons(object? x, object? coll) => coll switch
    {
        null => PersistentList.Empty.Cons(x),
        PersistentList l => l.Cons(x),
        LazySeq or Data.Cons => new Data.Cons(x, coll),
        _ => ToList("cons", coll).Cons(x),
    };

    public static object? First(object? coll) => coll switch
    {
        null => null,
        PersistentList l => l.First,
        Data.Cons c => c.First,
        LazySeq lazy => lazy.Seq() is { } node ? Seq.NodeFirst(node) : null,
        PersistentVector v => v.Count == 0 ? null : v[0],
        _ => Items("first", coll).FirstOrDefault(),
    };

    public static object Rest(object? coll) => coll switch
    {
        null => PersistentList.Empty,
        PersistentList l => l.Rest,
        Data.Cons c => c.More ?? PersistentList.Empty,
        LazySeq lazy => lazy.Seq() is { } node ? Seq.NodeMore(node) ?? PersistentList.Empty : PersistentList.Empty,
        _ => PersistentList.CreateRange(Items("rest", coll).Skip(1)),
    };

    public static object? Next(object? coll)
    {
        var rest = Rest(coll);
        return rest is PersistentList list ? (list.Count == 0 ? null : list) : Seq.Node(rest);
    }

    private static object? Nth(object? coll, int index) => coll switch
    {
        null => null,
        PersistentVector v => index < v.Count ? v[index] : null,
        PersistentList l => index < l.Count ? l[index] : null,
        _ => Items("second", coll).Skip(index).FirstOrDefault(),
    };

    private static object? Last(object? coll) => coll switch
    {
        null => null,
        PersistentVector v => v.Count == 0 ? null : v[^1],
        _ => Items("last", coll).LastOrDefault(),
    };

    public static object? Conj(object? coll, object? x) => coll switch
    {
        null => PersistentList.Empty.Cons(x),
        PersistentList l => l.Cons(x),
        LazySeq or Data.Cons => new Data.Cons(x, coll),
        PersistentVector v => v.Conj(x),
        PersistentSet s => s.Conj(x),
        RecordValue r => r.WithFields((PersistentMap)Conj(r.Fields, x)!),
        PersistentMap m => x switch
        {
            // As in Clojure, so (conj m (when ok [k v])) needs no guard.
            null => m,
            PersistentMap other => other.Entries.Aggregate(m, (acc, e) => acc.Assoc(e.Key, e.Value)),
            PersistentVector { Count: 2 } entry => m.Assoc(entry[0], entry[1]),
            _ => throw RuntimeErrors.WrongType("conj", "a [key value] vector or a map to add to a map", x),
        },
        _ => throw RuntimeErrors.WrongType("conj", "a collection", coll),
    };

    private static object Assoc(object?[] a)
    {
        if (a.Length % 2 == 0)
        {
            throw RuntimeErrors.BadArgument("assoc", "needs a value for every key");
        }

        object? target = a[0];
        for (int i = 1; i < a.Length; i += 2)
        {
            target = target switch
            {
                null => PersistentMap.Empty.Assoc(a[i], a[i + 1]),
                PersistentMap m => m.Assoc(a[i], a[i + 1]),
                RecordValue r => r.WithFields(r.Fields.Assoc(a[i], a[i + 1])),
                PersistentVector v => a[i] is long index && index >= 0 && index <= v.Count
                    ? (index == v.Count ? v.Conj(a[i + 1]) : v.Assoc((int)index, a[i + 1]))
                    : throw RuntimeErrors.IndexOutOfRange("assoc", a[i] as long? ?? -1, v.Count),
                _ => throw RuntimeErrors.WrongType("assoc", "a map or vector", target),
            };
        }

        return target!;
    }

    private static PersistentMap AsMap(string fn, object? m) => m switch
    {
        null => PersistentMap.Empty,
        PersistentMap map => map,
        RecordValue record => record.Fields,
        _ => throw RuntimeErrors.WrongType(fn, "a map", m),
    };

    private static PersistentMap MapOf(object?[] keyvals)
    {
        var m = PersistentMap.Empty;
        for (int i = 0; i < keyvals.Length; i += 2)
        {
            m = m.Assoc(keyvals[i], keyvals[i + 1]);
        }

        return m;
    }
}
