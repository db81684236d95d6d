using System.Collections;

namespace Zylisp.Lang.Data;

/// <summary>
/// The small sequence abstraction the core library iterates with: nil is empty, collections
/// yield their elements (maps yield [key value] vectors), strings yield one-code-point strings.
/// </summary>
public static class Seq
{
    /// <summary>True if <see cref="Enumerate"/> accepts <paramref name="value"/>.</summary>
    public static bool IsSeqable(object? value) =>
        value is null or string or IZylispCollection or IEnumerable;

    /// <summary>
    /// The elements of <paramref name="value"/>. Throws <see cref="ArgumentException"/> for values
    /// that are not seqable (numbers, keywords, ...).
    /// </summary>
    public static IEnumerable<object?> Enumerate(object? value) => value switch
    {
        null => [],
        string s => ZylispStrings.CodePoints(s),
        IZylispCollection c => c,
        IEnumerable<object?> e => e,
        IEnumerable e => e.Cast<object?>(),
        _ => throw new ArgumentException($"Don't know how to create a sequence from {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>Element count: O(1) for collections, code points for strings, 0 for nil.</summary>
    public static int Count(object? value) => value switch
    {
        null => 0,
        string s => ZylispStrings.CodePointCount(s),
        IZylispCollection c => c.Count,
        _ => Enumerate(value).Count(),
    };

    /// <summary>True for nil and empty collections/strings.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IZylispCollection c => c.Count == 0,
        _ => !Enumerate(value).Any(),
    };

    /// <summary>The elements as a list (nil and empty inputs give the empty list).</summary>
    public static PersistentList ToList(object? value) =>
        value as PersistentList ?? PersistentList.CreateRange(Enumerate(value));

    /// <summary>The elements as a vector.</summary>
    public static PersistentVector ToVector(object? value) =>
        value as PersistentVector ?? PersistentVector.CreateRange(Enumerate(value));
}
