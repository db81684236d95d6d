using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Key and index lookup shared by get, nth, contains? and callable collections.</summary>
internal static class CoreLookup
{
    public static object? Get(object? coll, object? key, object? notFound = null) => coll switch
    {
        PersistentMap m => m.Get(key, notFound),
        RecordValue r => r.Fields.Get(key, notFound),
        PersistentSet s => s.Contains(key) ? s.Get(key) : notFound,
        PersistentVector v => key is long i && i >= 0 && i < v.Count ? v[(int)i] : notFound,
        string s => key is long i && i >= 0 && i < ZylispStrings.CodePointCount(s) ? ZylispStrings.CodePointAt(s, i) : notFound,
        ErrorValue e => e.Get(key, notFound),
        _ => notFound,
    };

    public static bool Contains(object? coll, object? key) => coll switch
    {
        PersistentMap m => m.ContainsKey(key),
        RecordValue r => r.Fields.ContainsKey(key),
        PersistentSet s => s.Contains(key),
        PersistentVector v => key is long i && i >= 0 && i < v.Count,
        string s => key is long i && i >= 0 && i < ZylispStrings.CodePointCount(s),
        ErrorValue e => e.ToMap().ContainsKey(key),
        null => false,
        _ => throw RuntimeErrors.WrongType("contains?", "a map, set, vector or string", coll),
    };

    public static object? Nth(object? coll, object? index, string fn, bool hasNotFound = false, object? notFound = null)
    {
        long i = Numbers.ToLong(index, fn);
        int count = coll switch
        {
            null => 0,
            PersistentVector v => v.Count,
            PersistentList l => l.Count,
            string s => ZylispStrings.CodePointCount(s),
            IZylispCollection c when c is not PersistentMap and not PersistentSet and not RecordValue => c.Count,
            _ => throw RuntimeErrors.WrongType(fn, "a list, vector or string", coll),
        };
        if (i < 0 || i >= count)
        {
            return hasNotFound ? notFound : throw RuntimeErrors.IndexOutOfRange(fn, i, count);
        }

        return coll switch
        {
            PersistentVector v => v[(int)i],
            PersistentList l => l[(int)i],
            string s => ZylispStrings.CodePointAt(s, i),
            _ => Seq.Enumerate(coll).ElementAt((int)i),
        };
    }
}
