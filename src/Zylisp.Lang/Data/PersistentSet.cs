using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable, insertion-ordered hash set with structural equality; any value (including nil)
/// can be an element. Same layout as <see cref="PersistentMap"/>: up to
/// <see cref="PersistentMap.SmallLimit"/> elements in one array, larger sets in a hash index
/// plus an insertion-order index, giving O(log n) contains, conj and disj.
/// </summary>
public sealed class PersistentSet : IZylispCollection, IHasSpan, ICachedHash, IEquatable<PersistentSet>
{
    // Exactly one representation is in use: small != null, or index/order for larger sets; the
    // large one stays null until needed, as in PersistentMap (its generic instantiations are JIT-compiled).
    private readonly object?[]? small;
    private readonly ImmutableDictionary<object, long>? index;
    private readonly ImmutableSortedDictionary<long, object?>? order;
    private readonly long nextOrder;
    private int hash;

    // A sorted set (sorted-set): updates carry the order over; items are listed in it, sorted once
    // per set value (docs/design/sorted-collections.md).
    private Comparison<object?>? itemOrder;
    private object?[]? sortedItems;

    /// <summary>An empty sorted set whose items are listed in <paramref name="order"/>.</summary>
    public static PersistentSet EmptySorted(Comparison<object?> order) => new([], default) { itemOrder = order };

    /// <summary>True for a sorted set (sorted-set).</summary>
    public bool IsSorted => itemOrder is not null;

    /// <summary>An empty set of the same kind (sorted with the same order, or not).</summary>
    public PersistentSet EmptyLike() => itemOrder is null ? Empty : EmptySorted(itemOrder);

    private PersistentSet KeepOrder(PersistentSet updated)
    {
        if (itemOrder is null || ReferenceEquals(updated, this) || updated.itemOrder is not null)
        {
            return updated;
        }

        if (ReferenceEquals(updated, Empty))
        {
            return EmptySorted(itemOrder);
        }

        updated.itemOrder = itemOrder; // a fresh set nothing else has seen yet
        return updated;
    }

    private object?[] SortedItems()
    {
        if (sortedItems is null)
        {
            var items = UnsortedItems.ToArray();
            Array.Sort(items, itemOrder!);
            sortedItems = items;
        }

        return sortedItems;
    }

    bool ICachedHash.HasHash => hash != 0;
    private readonly PackedSpan location; // kept inline; see PackedSpan

    private PersistentSet(object?[] small, PackedSpan location)
    {
        this.small = small;
        this.location = location;
    }

    private PersistentSet(ImmutableDictionary<object, long> index, ImmutableSortedDictionary<long, object?> order, long nextOrder, PackedSpan location)
    {
        this.index = index;
        this.order = order;
        this.nextOrder = nextOrder;
        this.location = location;
    }

    public static PersistentSet Empty { get; } = new([], default);

    public int Count => small?.Length ?? index!.Count;

    public bool IsEmpty => Count == 0;

    public SourceSpan? Span => location.ToSourceSpan();

    private IEnumerable<object?> Items => itemOrder is null ? UnsortedItems : SortedItems();

    private IEnumerable<object?> UnsortedItems => small ?? order!.Values;

    public bool Contains(object? item) =>
        small is not null ? IndexOfSmall(small, item) >= 0 : index!.ContainsKey(KeyComparer.Wrap(item));

    /// <summary>The element equal to <paramref name="item"/> as stored, or <paramref name="notFound"/>.</summary>
    public object? Get(object? item, object? notFound = null)
    {
        if (small is not null)
        {
            int i = IndexOfSmall(small, item);
            return i >= 0 ? small[i] : notFound;
        }

        return index!.TryGetValue(KeyComparer.Wrap(item), out long position) ? order![position] : notFound;
    }

    public PersistentSet Conj(object? item)
    {
        if (itemOrder is not null && Count > 0)
        {
            _ = itemOrder(item, UnsortedItems.First()); // an item the order cannot compare fails here, as in Clojure
        }

        return KeepOrder(ConjUnordered(item));
    }

    private PersistentSet ConjUnordered(object? item)
    {
        if (small is not null)
        {
            if (IndexOfSmall(small, item) >= 0)
            {
                return this;
            }

            return small.Length < PersistentMap.SmallLimit
                ? new PersistentSet([.. small, item], default)
                : FromDistinct([.. small, item], default);
        }

        object wrapped = KeyComparer.Wrap(item);
        return index!.ContainsKey(wrapped)
            ? this
            : new PersistentSet(index.Add(wrapped, nextOrder), order!.Add(nextOrder, item), nextOrder + 1, default);
    }

    public PersistentSet Disj(object? item) => KeepOrder(DisjUnordered(item));

    private PersistentSet DisjUnordered(object? item)
    {
        if (small is not null)
        {
            int i = IndexOfSmall(small, item);
            if (i < 0)
            {
                return this;
            }

            if (small.Length == 1)
            {
                return Empty;
            }

            var shrunk = new object?[small.Length - 1];
            Array.Copy(small, shrunk, i);
            Array.Copy(small, i + 1, shrunk, i, small.Length - i - 1);
            return new PersistentSet(shrunk, default);
        }

        object wrapped = KeyComparer.Wrap(item);
        if (!index!.TryGetValue(wrapped, out long position))
        {
            return this;
        }

        return index.Count == 1 ? Empty : new PersistentSet(index.Remove(wrapped), order!.Remove(position), nextOrder, default);
    }

    public PersistentSet WithSpan(SourceSpan? span) => KeepOrder(WithSpanUnordered(span));

    private PersistentSet WithSpanUnordered(SourceSpan? span) =>
        small is not null ? new PersistentSet(small, PackedSpan.From(span)) : new PersistentSet(index!, order!, nextOrder, PackedSpan.From(span));

    public static PersistentSet Create(params ReadOnlySpan<object?> items)
    {
        var set = Empty;
        foreach (var item in items)
        {
            set = set.Conj(item);
        }

        return set;
    }

    /// <summary>A set of <paramref name="items"/>; repeated elements keep their first position.</summary>
    public static PersistentSet CreateRange(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var distinct = new List<object?>();
        var seen = new HashSet<object>(KeyComparer.Instance);
        foreach (var item in items)
        {
            if (seen.Add(KeyComparer.Wrap(item)))
            {
                distinct.Add(item);
            }
        }

        return FromDistinct([.. distinct], default);
    }

    /// <summary>Builds a set from elements known to be distinct; takes ownership of the array.</summary>
    internal static PersistentSet FromDistinct(object?[] items, PackedSpan location)
    {
        if (items.Length <= PersistentMap.SmallLimit)
        {
            return items.Length == 0 && location.IsNone ? Empty : new PersistentSet(items, location);
        }

        var indexBuilder = ImmutableDictionary.CreateBuilder<object, long>(KeyComparer.Instance);
        var orderBuilder = ImmutableSortedDictionary.CreateBuilder<long, object?>();
        for (int i = 0; i < items.Length; i++)
        {
            indexBuilder.Add(KeyComparer.Wrap(items[i]), i);
            orderBuilder.Add(i, items[i]);
        }

        return new PersistentSet(indexBuilder.ToImmutable(), orderBuilder.ToImmutable(), items.Length, location);
    }

    public IEnumerator<object?> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PersistentSet? other) => ValueEquality.Instance.Equals(this, other);

    public override bool Equals(object? obj) => ValueEquality.Instance.Equals(this, obj);

    public override int GetHashCode()
    {
        if (hash == 0)
        {
            NestedHashes.CacheBelow(this);
            int sum = 0x5e7; // docs/design/hashing.md: a set's sum starts here, so #{} and {} hash apart
            foreach (var item in Items)
            {
                sum = unchecked(sum + ValueEquality.Instance.GetHashCode(item));
            }

            hash = NestedHashes.NonZero(sum);
        }

        return hash;
    }

    public override string ToString() => Printing.Printer.PrStr(this);

    private static int IndexOfSmall(object?[] items, object? item)
    {
        for (int i = 0; i < items.Length; i++)
        {
            if (ReferenceEquals(items[i], item) || ValueEquality.Instance.Equals(items[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}
