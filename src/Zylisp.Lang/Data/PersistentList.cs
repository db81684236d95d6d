using System.Collections;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable singly linked list: O(1) <see cref="Cons"/>, <see cref="First"/>, <see cref="Rest"/>
/// and <see cref="Count"/>; O(n) indexing. Only the head node's span is meaningful.
/// </summary>
/// <remarks>
/// Not sealed only so that the private <see cref="SpannedHead"/> can derive from it; the
/// constructors are private, so no other code can. Most cells are tails that never carry a span,
/// so the span lives only in the head cell that has one, kept inline as a <see cref="PackedSpan"/>.
/// </remarks>
public class PersistentList : ISequential, IHasSpan, ICachedHash, IEquatable<PersistentList>
{
    private readonly object? first;
    private readonly PersistentList? rest;
    private int hash;

    bool ICachedHash.HasHash => hash != 0;

    private PersistentList(object? first, PersistentList? rest, int count)
    {
        this.first = first;
        this.rest = rest;
        Count = count;
    }

    public static PersistentList Empty { get; } = new(null, null, 0);

    public int Count { get; }

    public bool IsEmpty => Count == 0;

    public SourceSpan? Span => (this as SpannedHead)?.Location.ToSourceSpan();

    /// <summary>The first element, or null (nil) for the empty list.</summary>
    public object? First => first;

    /// <summary>Everything after the first element; the empty list stays empty.</summary>
    public PersistentList Rest => rest ?? Empty;

    /// <summary>O(n) positional access; throws <see cref="ArgumentOutOfRangeException"/> when out of range.</summary>
    public object? this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var node = this;
            for (int i = 0; i < index; i++)
            {
                node = node.rest!;
            }

            return node.first;
        }
    }

    /// <summary>A new list with <paramref name="item"/> in front of this one.</summary>
    public PersistentList Cons(object? item) => new(item, this, Count + 1);

    /// <summary>A new list of <paramref name="item"/> followed by <paramref name="rest"/>, read at <paramref name="location"/>.</summary>
    internal static PersistentList ConsAt(object? item, PersistentList rest, PackedSpan location) =>
        new SpannedHead(item, rest, rest.Count + 1, location);

    /// <summary>An empty list read at <paramref name="location"/>.</summary>
    internal static PersistentList EmptyAt(PackedSpan location) => new SpannedHead(null, null, 0, location);

    /// <summary>The same elements with a different span (shares the tail).</summary>
    public PersistentList WithSpan(SourceSpan? span) =>
        span is null ? new PersistentList(first, rest, Count) : new SpannedHead(first, rest, Count, PackedSpan.From(span));

    public static PersistentList Create(params ReadOnlySpan<object?> items)
    {
        var list = Empty;
        for (int i = items.Length - 1; i >= 0; i--)
        {
            list = list.Cons(items[i]);
        }

        return list;
    }

    public static PersistentList CreateRange(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var buffer = items as IList<object?> ?? items.ToList();
        var list = Empty;
        for (int i = buffer.Count - 1; i >= 0; i--)
        {
            list = list.Cons(buffer[i]);
        }

        return list;
    }

    public IEnumerator<object?> GetEnumerator()
    {
        for (var node = this; node.Count > 0; node = node.rest!)
        {
            yield return node.first;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PersistentList? other) => ValueEquality.Instance.Equals(this, other);

    public override bool Equals(object? obj) => ValueEquality.Instance.Equals(this, obj);

    public override int GetHashCode()
    {
        if (hash == 0)
        {
            NestedHashes.CacheBelow(this);
            hash = NestedHashes.NonZero(ValueEquality.SequentialHash(this));
        }

        return hash;
    }

    public override string ToString() => Printing.Printer.PrStr(this);

    private sealed class SpannedHead(object? first, PersistentList? rest, int count, PackedSpan location)
        : PersistentList(first, rest, count)
    {
        public PackedSpan Location { get; } = location;
    }
}
