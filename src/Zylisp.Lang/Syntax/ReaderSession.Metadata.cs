using Zylisp.Lang.Data;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// The metadata reader macros: <c>^meta form</c> and <c>#'x</c>. A symbol carries its metadata
/// itself (so <c>(defn ^:private f ...)</c> hands it to def); any other form becomes
/// <c>(with-meta form meta)</c>, except that a type hint alone on a collection (<c>^long [x]</c>)
/// is dropped, as Zylisp has no use for it there. <c>#'x</c> is <c>(var x)</c>.
/// </summary>
internal sealed partial class ReaderSession
{
    private static readonly Symbol MetaSymbol = Symbol.Of("%read-meta");
    private static readonly Symbol MetaTargetSymbol = Symbol.Of("%read-meta-target");
    private static readonly Symbol VarSymbol = Symbol.Of("var");
    private static readonly Symbol WithMetaSymbol = Symbol.Of("with-meta");
    private static readonly Keyword TagKey = Keyword.Of("tag");

    // The metadata of each ^ whose target is still being read, innermost last.
    private readonly List<PersistentMap> pendingMeta = [];

    /// <summary>^:k is {:k true}, ^Type and ^"Type" are {:tag Type}, ^{...} is the map itself.</summary>
    private static PersistentMap MetadataOf(object? form) => form switch
    {
        PersistentMap map => map,
        Keyword k => PersistentMap.Empty.Assoc(k, true),
        _ => PersistentMap.Empty.Assoc(TagKey, form),
    };

    private static object? WithReadMetadata(object? form, PersistentMap meta, PackedSpan span)
    {
        if (form is Symbol symbol)
        {
            return symbol.WithMeta(symbol.Meta is { } earlier ? Merge(earlier, meta) : meta);
        }

        if (meta.Count == 1 && meta.ContainsKey(TagKey))
        {
            return form;
        }

        return PersistentList.ConsAt(WithMetaSymbol, PersistentList.Empty.Cons(meta).Cons(form), span);
    }

    private static PersistentMap Merge(PersistentMap into, PersistentMap from)
    {
        foreach (var e in from.Entries)
        {
            into = into.Assoc(e.Key, e.Value);
        }

        return into;
    }
}
