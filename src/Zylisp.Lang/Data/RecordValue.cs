using System.Collections;

namespace Zylisp.Lang.Data;

/// <summary>
/// An instance of a <c>defrecord</c> type: a type tag (the record's qualified name, such as
/// <c>user.Point</c>) and its fields as an insertion-ordered map whose first keys are the declared
/// fields (docs/design/records-and-protocols.md). It behaves as a map for lookup, <c>assoc</c>,
/// <c>keys</c> and sequences, but equals only a record of the same type with equal fields, and
/// prints as <c>#user.Point{:x 1, :y 2}</c>.
/// </summary>
public sealed class RecordValue : IZylispCollection, IEquatable<RecordValue>
{
    public RecordValue(string typeTag, PersistentVector declaredFields, PersistentMap fields)
    {
        TypeTag = typeTag;
        DeclaredFields = declaredFields;
        Fields = fields;
    }

    /// <summary>The record type's qualified name: namespace, a dot, and the record's name.</summary>
    public string TypeTag { get; }

    /// <summary>The declared field keywords, in declaration order.</summary>
    public PersistentVector DeclaredFields { get; }

    /// <summary>Every field (declared ones first, then any added with assoc).</summary>
    public PersistentMap Fields { get; }

    public int Count => Fields.Count;

    /// <summary>The same record type with <paramref name="fields"/>.</summary>
    public RecordValue WithFields(PersistentMap fields) => new(TypeTag, DeclaredFields, fields);

    /// <summary>True when <paramref name="key"/> is one of the declared fields (dissoc of one gives a plain map, as in Clojure).</summary>
    public bool IsDeclared(object? key) => DeclaredFields.Any(k => ValueEquality.AreEqual(k, key));

    public IEnumerator<object?> GetEnumerator() => Fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(RecordValue? other) =>
        other is not null && string.Equals(TypeTag, other.TypeTag, StringComparison.Ordinal) && Fields.Equals(other.Fields);

    public override bool Equals(object? obj) => obj is RecordValue other && Equals(other);

    public override int GetHashCode() => unchecked(StableHash.Utf8(TypeTag) * 31 + Fields.GetHashCode());

    public override string ToString() => Printing.Printer.PrStr(this);
}
