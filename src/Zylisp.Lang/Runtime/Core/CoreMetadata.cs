using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Metadata: maps of facts about a value that never change what it equals (docs/design/metadata.md).</summary>
internal static class CoreMetadata
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("meta", 1, 1, "([x])", "The metadata map of a symbol, collection, function or var, or nil.", (_, a) => Metadata.Of(a[0])),
        Fn("with-meta", 2, 2, "([x m])", "x (a symbol, collection or function) with the metadata map m; equal to x.", (_, a) =>
            Metadata.With(a[0], a[1] switch
            {
                null => null,
                PersistentMap m => m,
                var other => throw RuntimeErrors.WrongType("with-meta", "a map", other),
            })),
    ];
}
