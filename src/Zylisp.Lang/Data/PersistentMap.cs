using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable, insertion-ordered hash map with structural equality; any value (including nil)
/// can be a key. Maps of up to <see cref="SmallLimit"/> entries are a single array searched
/// linearly (most maps in programs are small, and this keeps them cheap to build). Larger maps
/// use a hash index (key → value and insertion number) for O(log n) lookup plus a sorted index
/// (insertion number → entry) for ordered iteration; assoc and dissoc update both in O(log n).
/// Re-assoc'ing an existing key keeps its position. See docs/design/data-model.md.
/// Enumerating a map yields each entry as a two-element <see cref="PersistentVector"/>.
/// </summary>
public sealed class PersistentMap : IZylispCollection, IHasSpan, ICachedHash, IEquatable<PersistentMap>
{
    /// <summary>The largest map kept as a plain array of entries.</summary>
    internal const int SmallLimit = 8;

    // Exactly one representation is in use: small != null, or index/order for larger maps. The
    // large one stays null (no static empty instances either) until a map outgrows SmallLimit:
    // its generic instantiations over value tuples are JIT-compiled, which a program that only
    // uses small maps (every defn's metadata) should not pay for at start-up.
    private readonly KeyValuePair<object?, object?>[]? small;
    private readonly ImmutableDictionary<object, (object? Value, long Order)>? index;
    private readonly ImmutableSortedDictionary<long, KeyValuePair<object?, object?>>? order;
    private readonly long nextOrder;
    private int hash;

    // A sorted map (sorted-map) is this map with a key order: updates carry it over, and its
    // entries are listed in that order, sorted once per map value (docs/design/sorted-collections.md).
    private Comparison<object?>? keyOrder;
    private KeyValuePair<object?, object?>[]? sortedEntries;

    bool ICachedHash.HasHash => hash != 0;
    private readonly PackedSpan location; // kept inline; see PackedSpan

    /// <summary>An empty sorted map whose entries are listed in <paramref name="order"/> of their keys.</summary>
    public static PersistentMap EmptySorted(Comparison<object?> order) => new([], default) { keyOrder = order };

    /// <summary>True for a sorted map (sorted-map).</summary>
    public bool IsSorted => keyOrder is not null;

    /// <summary>An empty map of the same kind (sorted with the same order, or not).</summary>
    public PersistentMap EmptyLike() => keyOrder is null ? Empty : EmptySorted(keyOrder);

    /// <summary>The result of an update of this map, given this map's key order.</summary>
    private PersistentMap KeepOrder(PersistentMap updated)
    {
        if (keyOrder is null || ReferenceEquals(updated, this) || updated.keyOrder is not null)
        {
            return updated;
        }

        if (ReferenceEquals(updated, Empty))
        {
            return EmptySorted(keyOrder);
        }

        updated.keyOrder = keyOrder; // a fresh map nothing else has seen yet
        return updated;
    }

    private IEnumerable<KeyValuePair<object?, object?>> SortedEntries()
    {
        if (sortedEntries is null)
        {
            var entries = UnsortedEntries.ToArray();
            var order = keyOrder!;
            Array.Sort(entries, (a, b) => order(a.Key, b.Key));
            sortedEntries = entries;
        }

        return sortedEntries;
    }

    private PersistentMap(KeyValuePair<object?, object?>[] small, PackedSpan location)
    {
        this.small = small;
        this.location = location;
    }

    private PersistentMap(
        ImmutableDictionary<object, (object? Value, long Order)> index,
        ImmutableSortedDictionary<long, KeyValuePair<object?, object?>> order,
        long nextOrder,
        PackedSpan location)
    {
        this.index = index;
        this.order = order;
        this.nextOrder = nextOrder;
        this.location = location;
    }

    public static PersistentMap Empty { get; } = new([], default);

    public int Count => small?.Length ?? index!.Count;

    public bool IsEmpty => Count == 0;

    public SourceSpan? Span => location.ToSourceSpan();

    /// <summary>Entries in insertion order.</summary>
    public IEnumerable<KeyValuePair<object?, object?>> Entries => keyOrder is null ? UnsortedEntries : SortedEntries();

    private IEnumerable<KeyValuePair<object?, object?>> UnsortedEntries => small ?? (IEnumerable<KeyValuePair<object?, object?>>)order!.Values;

    public IEnumerable<object?> Keys => Entries.Select(static e => e.Key);

    public IEnumerable<object?> Values => Entries.Select(static e => e.Value);

    public bool ContainsKey(object? key) => TryGetValue(key, out _);

    public bool TryGetValue(object? key, out object? value)
    {
        if (small is not null)
        {
            int i = IndexOfSmall(small, key);
            value = i >= 0 ? small[i].Value : null;
            return i >= 0;
        }

        if (index!.TryGetValue(KeyComparer.Wrap(key), out var slot))
        {
            value = slot.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The value for <paramref name="key"/>, or <paramref name="notFound"/>.</summary>
    public object? Get(object? key, object? notFound = null) =>
        TryGetValue(key, out var value) ? value : notFound;

    public PersistentMap Assoc(object? key, object? value)
    {
        if (keyOrder is not null && Count > 0)
        {
            _ = keyOrder(key, UnsortedEntries.First().Key); // a key the order cannot compare fails here, as in Clojure
        }

        return KeepOrder(AssocUnordered(key, value));
    }

    private PersistentMap AssocUnordered(object? key, object? value)
    {
        if (small is not null)
        {
            int i = IndexOfSmall(small, key);
            if (i >= 0)
            {
                if (ReferenceEquals(small[i].Value, value))
                {
                    return this;
                }

                // Keep the key object first inserted, as Clojure does, and its position.
                var replaced = (KeyValuePair<object?, object?>[])small.Clone();
                replaced[i] = new KeyValuePair<object?, object?>(small[i].Key, value);
                return new PersistentMap(replaced, default);
            }

            if (small.Length < SmallLimit)
            {
                var grown = new KeyValuePair<object?, object?>[small.Length + 1];
                Array.Copy(small, grown, small.Length);
                grown[small.Length] = new KeyValuePair<object?, object?>(key, value);
                return new PersistentMap(grown, default);
            }

            return FromDistinctEntries([.. small, new KeyValuePair<object?, object?>(key, value)], default);
        }

        object wrapped = KeyComparer.Wrap(key);
        if (index!.TryGetValue(wrapped, out var slot))
        {
            if (ReferenceEquals(slot.Value, value))
            {
                return this;
            }

            var existingKey = order![slot.Order].Key;
            return new PersistentMap(
                index.SetItem(wrapped, (value, slot.Order)),
                order.SetItem(slot.Order, new KeyValuePair<object?, object?>(existingKey, value)),
                nextOrder,
                default);
        }

        return new PersistentMap(
            index.Add(wrapped, (value, nextOrder)),
            order!.Add(nextOrder, new KeyValuePair<object?, object?>(key, value)),
            nextOrder + 1,
            default);
    }

    public PersistentMap Dissoc(object? key) => KeepOrder(DissocUnordered(key));

    private PersistentMap DissocUnordered(object? key)
    {
        if (small is not null)
        {
            int i = IndexOfSmall(small, key);
            if (i < 0)
            {
                return this;
            }

            if (small.Length == 1)
            {
                return Empty;
            }

            var shrunk = new KeyValuePair<object?, object?>[small.Length - 1];
            Array.Copy(small, shrunk, i);
            Array.Copy(small, i + 1, shrunk, i, small.Length - i - 1);
            return new PersistentMap(shrunk, default);
        }

        object wrapped = KeyComparer.Wrap(key);
        if (!index!.TryGetValue(wrapped, out var slot))
        {
            return this;
        }

        return index.Count == 1
            ? Empty
            : new PersistentMap(index.Remove(wrapped), order!.Remove(slot.Order), nextOrder, default);
    }

    /// <summary>
    /// Adds an entry given as a two-element list or vector, or merges every entry of a map
    /// (Clojure's <c>conj</c> on maps). Throws <see cref="ArgumentException"/> for anything else.
    /// </summary>
    public PersistentMap Conj(object? entry)
    {
        switch (entry)
        {
            case PersistentMap other:
                var result = this;
                foreach (var e in other.Entries)
                {
                    result = result.Assoc(e.Key, e.Value);
                }

                return result;
            case ISequential pair when pair.Count == 2:
                using (var items = pair.GetEnumerator())
                {
                    items.MoveNext();
                    var k = items.Current;
                    items.MoveNext();
                    return Assoc(k, items.Current);
                }

            default:
                throw new ArgumentException("A map entry must be a vector of two elements.", nameof(entry));
        }
    }

    public PersistentMap WithSpan(SourceSpan? span) => KeepOrder(WithSpanUnordered(span));

    private PersistentMap WithSpanUnordered(SourceSpan? span) =>
        small is not null ? new PersistentMap(small, PackedSpan.From(span)) : new PersistentMap(index!, order!, nextOrder, PackedSpan.From(span));

    /// <summary>A map from alternating keys and values; later duplicates replace earlier values.</summary>
    public static PersistentMap Create(params ReadOnlySpan<object?> keysAndValues)
    {
        if (keysAndValues.Length % 2 != 0)
        {
            throw new ArgumentException("Expected an even number of keys and values.", nameof(keysAndValues));
        }

        var map = Empty;
        for (int i = 0; i < keysAndValues.Length; i += 2)
        {
            map = map.Assoc(keysAndValues[i], keysAndValues[i + 1]);
        }

        return map;
    }

    /// <summary>A map of <paramref name="entries"/>; a repeated key keeps its first position and its last value.</summary>
    public static PersistentMap CreateRange(IEnumerable<KeyValuePair<object?, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var distinct = new List<KeyValuePair<object?, object?>>();
        Dictionary<object, int>? positions = null;
        foreach (var entry in entries)
        {
            int existing = -1;
            if (positions is null && distinct.Count < SmallLimit)
            {
                for (int i = 0; i < distinct.Count; i++)
                {
                    if (ValueEquality.Instance.Equals(distinct[i].Key, entry.Key))
                    {
                        existing = i;
                        break;
                    }
                }
            }
            else
            {
                if (positions is null)
                {
                    positions = new Dictionary<object, int>(KeyComparer.Instance);
                    for (int i = 0; i < distinct.Count; i++)
                    {
                        positions[KeyComparer.Wrap(distinct[i].Key)] = i;
                    }
                }

                if (!positions.TryGetValue(KeyComparer.Wrap(entry.Key), out existing))
                {
                    existing = -1;
                    positions[KeyComparer.Wrap(entry.Key)] = distinct.Count;
                }
            }

            if (existing >= 0)
            {
                distinct[existing] = new KeyValuePair<object?, object?>(distinct[existing].Key, entry.Value);
            }
            else
            {
                distinct.Add(entry);
            }
        }

        return FromDistinctEntries([.. distinct], default);
    }

    /// <summary>Builds a map from entries whose keys are known to be distinct; takes ownership of the array.</summary>
    internal static PersistentMap FromDistinctEntries(KeyValuePair<object?, object?>[] entries, PackedSpan location)
    {
        if (entries.Length <= SmallLimit)
        {
            return entries.Length == 0 && location.IsNone ? Empty : new PersistentMap(entries, location);
        }

        var indexBuilder = ImmutableDictionary.CreateBuilder<object, (object?, long)>(KeyComparer.Instance);
        var orderBuilder = ImmutableSortedDictionary.CreateBuilder<long, KeyValuePair<object?, object?>>();
        for (int i = 0; i < entries.Length; i++)
        {
            indexBuilder.Add(KeyComparer.Wrap(entries[i].Key), (entries[i].Value, i));
            orderBuilder.Add(i, entries[i]);
        }

        return new PersistentMap(indexBuilder.ToImmutable(), orderBuilder.ToImmutable(), entries.Length, location);
    }

    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var entry in Entries)
        {
            yield return PersistentVector.Create(entry.Key, entry.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PersistentMap? other) => ValueEquality.Instance.Equals(this, other);

    public override bool Equals(object? obj) => ValueEquality.Instance.Equals(this, obj);

    public override int GetHashCode()
    {
        if (hash == 0)
        {
            NestedHashes.CacheBelow(this);
            int sum = 0;
            foreach (var entry in Entries)
            {
                sum = unchecked(sum + (ValueEquality.Instance.GetHashCode(entry.Key) ^ ValueEquality.Instance.GetHashCode(entry.Value)));
            }

            hash = NestedHashes.NonZero(sum);
        }

        return hash;
    }

    public override string ToString() => Printing.Printer.PrStr(this);

    private static int IndexOfSmall(KeyValuePair<object?, object?>[] entries, object? key)
    {
        for (int i = 0; i < entries.Length; i++)
        {
            if (ReferenceEquals(entries[i].Key, key) || ValueEquality.Instance.Equals(entries[i].Key, key))
            {
                return i;
            }
        }

        return -1;
    }
}
