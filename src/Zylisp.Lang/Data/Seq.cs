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

    /// <summary>
    /// The seq node of a seqable value: null when it is empty, else a non-empty
    /// <see cref="PersistentList"/> or a <see cref="Cons"/>. Lazy seqs are realized (one step);
    /// other collections are copied into a list once.
    /// </summary>
    public static object? Node(object? value) => value switch
    {
        null => null,
        PersistentList l => l.Count == 0 ? null : l,
        Cons c => c,
        LazySeq lazy => lazy.Seq(),
        _ when IsSeqable(value) => IsEmpty(value) ? null : PersistentList.CreateRange(Enumerate(value)),
        _ => throw Runtime.RuntimeErrors.WrongType("seq", "a collection", value),
    };

    /// <summary>The first element of a seq node (see <see cref="Node"/>).</summary>
    public static object? NodeFirst(object node) => node is Cons c ? c.First : ((PersistentList)node).First;

    /// <summary>The rest of a seq node, unrealized (see <see cref="Node"/>).</summary>
    public static object? NodeMore(object node) => node is Cons c ? c.More : ((PersistentList)node).Rest;

    /// <summary>True for the values whose seq is computed step by step (lazy seqs and cons cells).</summary>
    public static bool IsLazy(object? value) => value is LazySeq or Cons;

    /// <summary>Counts by walking (lazy seqs and cons cells do not know their length).</summary>
    internal static int WalkCount(object? coll)
    {
        int count = 0;
        object? rest = coll;
        while (true)
        {
            switch (rest)
            {
                case LazySeq lazy:
                    rest = lazy.Seq();
                    break;
                case Cons cons:
                    count++;
                    rest = cons.More;
                    break;
                case null:
                    return count;
                default:
                    return checked(count + Count(rest));
            }
        }
    }

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
        LazySeq lazy => lazy.Seq() is null,
        Cons => false,
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
