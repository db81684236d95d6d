using System.Collections;
using System.Collections.Immutable;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable, insertion-ordered hash set with structural equality; any value (including nil)
/// can be an element. Same two-index layout as <see cref="PersistentMap"/>: O(log n) contains,
/// conj and disj, iteration in insertion order.
/// </summary>
public sealed class PersistentSet : IZylispCollection, IHasSpan, IEquatable<PersistentSet>
{
    private readonly ImmutableDictionary<object, long> index;
    private readonly ImmutableSortedDictionary<long, object?> order;
    private readonly long nextOrder;
    private int hash;

    private PersistentSet(ImmutableDictionary<object, long> index, ImmutableSortedDictionary<long, object?> order, long nextOrder, SourceSpan? span)
    {
        this.index = index;
        this.order = order;
        this.nextOrder = nextOrder;
        Span = span;
    }

    public static PersistentSet Empty { get; } = new(
        ImmutableDictionary.Create<object, long>(KeyComparer.Instance),
        ImmutableSortedDictionary<long, object?>.Empty,
        0,
        null);

    public int Count => index.Count;

    public bool IsEmpty => index.IsEmpty;

    public SourceSpan? Span { get; }

    public bool Contains(object? item) => index.ContainsKey(KeyComparer.Wrap(item));

    /// <summary>The element equal to <paramref name="item"/> as stored, or <paramref name="notFound"/>.</summary>
    public object? Get(object? item, object? notFound = null) =>
        index.TryGetValue(KeyComparer.Wrap(item), out long position) ? order[position] : notFound;

    public PersistentSet Conj(object? item)
    {
        object wrapped = KeyComparer.Wrap(item);
        return index.ContainsKey(wrapped)
            ? this
            : new PersistentSet(index.Add(wrapped, nextOrder), order.Add(nextOrder, item), nextOrder + 1, null);
    }

    public PersistentSet Disj(object? item)
    {
        object wrapped = KeyComparer.Wrap(item);
        if (!index.TryGetValue(wrapped, out long position))
        {
            return this;
        }

        return index.Count == 1 ? Empty : new PersistentSet(index.Remove(wrapped), order.Remove(position), nextOrder, null);
    }

    public PersistentSet WithSpan(SourceSpan? span) => new(index, order, nextOrder, span);

    public static PersistentSet Create(params ReadOnlySpan<object?> items)
    {
        var set = Empty;
        foreach (var item in items)
        {
            set = set.Conj(item);
        }

        return set;
    }

    public static PersistentSet CreateRange(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var indexBuilder = ImmutableDictionary.CreateBuilder<object, long>(KeyComparer.Instance);
        var orderBuilder = ImmutableSortedDictionary.CreateBuilder<long, object?>();
        long next = 0;
        foreach (var item in items)
        {
            object wrapped = KeyComparer.Wrap(item);
            if (!indexBuilder.ContainsKey(wrapped))
            {
                indexBuilder.Add(wrapped, next);
                orderBuilder.Add(next, item);
                next++;
            }
        }

        return next == 0 ? Empty : new PersistentSet(indexBuilder.ToImmutable(), orderBuilder.ToImmutable(), next, null);
    }

    public IEnumerator<object?> GetEnumerator() => order.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PersistentSet? other) => ValueEquality.Instance.Equals(this, other);

    public override bool Equals(object? obj) => ValueEquality.Instance.Equals(this, obj);

    public override int GetHashCode()
    {
        if (hash == 0)
        {
            int sum = 0;
            foreach (var item in order.Values)
            {
                sum = unchecked(sum + ValueEquality.Instance.GetHashCode(item));
            }

            hash = sum;
        }

        return hash;
    }

    public override string ToString() => Printing.Printer.PrStr(this);
}
