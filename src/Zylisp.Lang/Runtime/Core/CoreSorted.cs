using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Sorted maps and sets: ordinary maps and sets that list their keys in compare order (every map
/// and set function works on them and keeps them sorted). See docs/design/sorted-collections.md.
/// </summary>
internal static class CoreSorted
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("sorted-map", 0, -1, "([& keyvals])", "A map of the key/value arguments that lists its entries in compare order of the keys.", (_, a) =>
        {
            if (a.Length % 2 != 0)
            {
                throw RuntimeErrors.BadArgument("sorted-map", "needs an even number of arguments");
            }

            var m = PersistentMap.EmptySorted(CoreArithmetic.Compare);
            for (int i = 0; i < a.Length; i += 2)
            {
                m = m.Assoc(a[i], a[i + 1]);
            }

            return m;
        }),
        Fn("sorted-set", 0, -1, "([& items])", "A set of the arguments that lists them in compare order.", (_, a) =>
            a.Aggregate(PersistentSet.EmptySorted(CoreArithmetic.Compare), (s, x) => s.Conj(x))),
        Fn("sorted?", 1, 1, "([coll])", "True for a sorted map or sorted set.", (_, a) =>
            Box.Bool(a[0] is PersistentMap { IsSorted: true } or PersistentSet { IsSorted: true })),
    ];
}
