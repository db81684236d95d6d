using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime;

/// <summary>Reads and attaches metadata for <c>meta</c> and <c>with-meta</c>, whatever kind of value carries it.</summary>
public static class Metadata
{
    public static PersistentMap? Of(GlobalEnvironment globals, object? x) => x switch
    {
        Symbol s => s.Meta,
        Var v => OfVar(v),
        null or string or long or double or bool or Keyword => null,
        _ => globals.ValueMetadata.TryGetValue(x, out var meta) ? meta : null,
    };

    private static PersistentMap OfVar(Var v) => OfDefinition(v, v.Meta);

    /// <summary>
    /// A var's metadata: its def's map plus :name, :ns, and where it was defined (:file, :line,
    /// :column). Public so compiled programs build the same map the interpreter gives.
    /// </summary>
    public static PersistentMap OfDefinition(Var v, PersistentMap definitionMeta)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(definitionMeta);
        int slash = v.Name.IndexOf('/', StringComparison.Ordinal);
        var meta = definitionMeta
            .Assoc(Keyword.Of("name"), Symbol.Of(slash > 0 ? v.Name[(slash + 1)..] : v.Name))
            .Assoc(Keyword.Of("ns"), Symbol.Of(slash > 0 ? v.Name[..slash] : v.IsCore ? "zylisp.core" : "user"));
        if (v.DefinedAt is { } at)
        {
            meta = meta.Assoc(Keyword.Of("file"), at.File).Assoc(Keyword.Of("line"), (long)at.Line).Assoc(Keyword.Of("column"), (long)at.Column);
        }

        return meta;
    }

    /// <summary>A copy of x (equal to it, not identical) carrying <paramref name="meta"/>; x itself is unchanged.</summary>
    public static object? With(GlobalEnvironment globals, object? x, PersistentMap? meta)
    {
        object copy = x switch
        {
            Symbol s => s.WithMeta(meta),
            PersistentList l => l.WithSpan(l.Span),
            PersistentVector v => v.WithSpan(v.Span),
            PersistentMap m => m.WithSpan(m.Span),
            PersistentSet s => s.WithSpan(s.Span),
            MetaFunction f => new MetaFunction(f.Inner),
            ZFunction f => new MetaFunction(f),
            _ => throw RuntimeErrors.WrongType("with-meta", "a symbol, collection or function", x),
        };
        if (copy is not Symbol && meta is not null)
        {
            globals.ValueMetadata.AddOrUpdate(copy, meta);
        }

        return copy;
    }
}
