using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime;

/// <summary>Reads and attaches metadata for <c>meta</c> and <c>with-meta</c>, whatever kind of value carries it.</summary>
public static class Metadata
{
    public static PersistentMap? Of(object? x) => x switch
    {
        Symbol s => s.Meta,
        Var v => v.Meta.Count == 0 ? null : v.Meta,
        _ => null,
    };

    public static object? With(object? x, PersistentMap? meta) => x switch
    {
        Symbol s => s.WithMeta(meta),
        _ => throw RuntimeErrors.WrongType("with-meta", "a symbol, collection or function", x),
    };
}
