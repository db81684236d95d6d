using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// The lazy-sequence cell: the one host primitive lazy sequences need (the <c>lazy-seq</c> macro
/// and every lazy prelude function are built on it), and <c>realized?</c>.
/// </summary>
internal static class CoreLazy
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("%lazy-seq", 1, 1, "([thunk])", "A lazy seq whose elements are those of the seqable (thunk) returns, called once when first needed (the lazy-seq macro).", (ctx, a) =>
        {
            var thunk = a[0];
            return new LazySeq(() => Callables.Call(ctx, thunk, []));
        }),
        Fn("realized?", 1, 1, "([x])", "True when the lazy seq x has computed its first step.", (_, a) => a[0] switch
        {
            LazySeq lazy => Box.Bool(lazy.IsRealized),
            _ => throw RuntimeErrors.WrongType("realized?", "a lazy seq", a[0]),
        }),
    ];
}
