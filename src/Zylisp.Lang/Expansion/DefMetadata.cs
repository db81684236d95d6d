using Zylisp.Lang.Data;

namespace Zylisp.Lang.Expansion;

/// <summary>
/// Clojure's metadata hints on a def's name, <c>(def ^:dynamic *x* 1)</c>,
/// <c>(def ^:private x 1)</c> and <c>(def ^Type x 1)</c>. The reader does not read <c>^</c> yet: it
/// gives the hint as one symbol (<c>^:dynamic</c>, <c>^Type</c>), so the expander moves it into
/// def's metadata map here rather than reporting a misleading "metadata must be a map".
/// </summary>
internal static class DefMetadata
{
    private static readonly Keyword TagKey = Keyword.Of("tag");

    /// <summary>(def ^:k name value) → (def name {:k true} value); other forms unchanged.</summary>
    public static PersistentList Normalize(PersistentList form)
    {
        var items = form.ToList();
        var meta = PersistentMap.Empty;
        bool changed = false;
        while (items.Count > 2 && items[1] is Symbol { Namespace: null } hint && hint.Name.Length > 1 && hint.Name[0] == '^')
        {
            string text = hint.Name[1..];
            meta = text[0] == ':' ? meta.Assoc(Keyword.Of(text[1..]), true) : meta.Assoc(TagKey, Symbol.Of(text));
            items.RemoveAt(1);
            changed = true;
        }

        // Metadata the reader put on the name itself (^:private, ^{:doc "..."}) or a macro added (defn-).
        if (items.Count > 1 && items[1] is Symbol { Meta: { Count: > 0 } nameMeta })
        {
            meta = MergeInto(meta, nameMeta);
            changed = true;
        }

        if (!changed)
        {
            return form;
        }

        // (def name value) gains a map; (def name {..} value) and (def name "doc" value) merge into it.
        switch (items.Count)
        {
            case 2:
                // (def ^:dynamic *x*): (def name) defines name as nil, so this is (def name meta nil).
                items.Add(meta);
                items.Add(null);
                break;
            case 3:
                items.Insert(2, meta);
                break;
            case 4 when items[2] is PersistentMap existing:
                items[2] = MergeInto(meta, existing);
                break;
            case 4 when items[2] is string doc:
                items[2] = meta.Assoc(Keyword.Of("doc"), doc);
                break;
        }

        return PersistentList.CreateRange(items).WithSpan(form.Span);
    }

    private static PersistentMap MergeInto(PersistentMap meta, PersistentMap existing)
    {
        foreach (var e in existing.Entries)
        {
            meta = meta.Assoc(e.Key, e.Value);
        }

        return meta;
    }
}
