using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// The record primitives behind the prelude's <c>defrecord</c> (docs/design/records-and-protocols.md):
/// making a record value and recognising one. Protocols and multimethods need no primitive of their
/// own: they dispatch on <c>type</c>, which names a record's type.
/// </summary>
internal static class CoreRecords
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("%record", 3, 3, "([type-name fields m])", "A record of the type named type-name (a string) whose declared fields (a vector of keywords) take their values from m, then m's other keys (used by defrecord).", (_, a) =>
            Records.Make(
                a[0] as string ?? throw RuntimeErrors.WrongType("%record", "a type name string", a[0]),
                a[1] as PersistentVector ?? throw RuntimeErrors.WrongType("%record", "a vector of field keywords", a[1]),
                a[2] switch
                {
                    null => PersistentMap.Empty,
                    PersistentMap m => m,
                    RecordValue r => r.Fields,
                    _ => throw RuntimeErrors.WrongType("%record", "a map", a[2]),
                })),
        Fn("record?", 1, 1, "([x])", "True for records made by defrecord.", (_, a) => Box.Bool(a[0] is RecordValue)),
    ];
}

/// <summary>Record construction and field removal, shared by the primitives.</summary>
internal static class Records
{
    /// <summary>Declared fields first, in order (nil when m lacks one), then m's other entries in m's order.</summary>
    public static RecordValue Make(string typeTag, PersistentVector declared, PersistentMap m)
    {
        var fields = PersistentMap.Empty;
        foreach (var key in declared)
        {
            fields = fields.Assoc(key, m.Get(key));
        }

        foreach (var entry in m.Entries)
        {
            if (!fields.ContainsKey(entry.Key))
            {
                fields = fields.Assoc(entry.Key, entry.Value);
            }
        }

        return new RecordValue(typeTag, declared, fields);
    }

    /// <summary>Removing a declared field leaves a plain map, as in Clojure; removing an extra key keeps the record.</summary>
    public static object Dissoc(RecordValue record, ReadOnlySpan<object?> keys)
    {
        var fields = record.Fields;
        bool lostDeclared = false;
        foreach (var key in keys)
        {
            lostDeclared |= fields.ContainsKey(key) && record.IsDeclared(key);
            fields = fields.Dissoc(key);
        }

        return lostDeclared ? fields : record.WithFields(fields);
    }
}
