using System.Collections;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable singly linked list: O(1) <see cref="Cons"/>, <see cref="First"/>, <see cref="Rest"/>
/// and <see cref="Count"/>; O(n) indexing. Only the head node's span is meaningful.
/// </summary>
public sealed class PersistentList : ISequential, IHasSpan, IEquatable<PersistentList>
{
    private readonly object? first;
    private readonly PersistentList? rest;
    private int hash;

    private PersistentList(object? first, PersistentList? rest, int count, SourceSpan? span)
    {
        this.first = first;
        this.rest = rest;
        Count = count;
        Span = span;
    }

    public static PersistentList Empty { get; } = new(null, null, 0, null);

    public int Count { get; }

    public bool IsEmpty => Count == 0;

    public SourceSpan? Span { get; }

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
    public PersistentList Cons(object? item) => new(item, this, Count + 1, null);

    /// <summary>A new list of <paramref name="item"/> followed by <paramref name="rest"/>, carrying <paramref name="span"/>.</summary>
    internal static PersistentList ConsWithSpan(object? item, PersistentList rest, SourceSpan? span) =>
        new(item, rest, rest.Count + 1, span);

    /// <summary>The same elements with a different span (shares the tail).</summary>
    public PersistentList WithSpan(SourceSpan? span) =>
        IsEmpty ? new PersistentList(null, null, 0, span) : new PersistentList(first, rest, Count, span);

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
            hash = ValueEquality.SequentialHash(this);
        }

        return hash;
    }

    public override string ToString() => Printing.Printer.PrStr(this);
}
