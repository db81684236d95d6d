using System.Collections;
using System.Collections.Immutable;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable, insertion-ordered hash map with structural equality; any value (including nil)
/// can be a key. A hash index (key → value and insertion number) gives O(log n) lookup, and a
/// sorted index (insertion number → entry) gives ordered iteration; assoc and dissoc update both
/// in O(log n). Re-assoc'ing an existing key keeps its position. See docs/design/data-model.md.
/// Enumerating a map yields each entry as a two-element <see cref="PersistentVector"/>.
/// </summary>
public sealed class PersistentMap : IZylispCollection, IHasSpan, IEquatable<PersistentMap>
{
    private readonly ImmutableDictionary<object, (object? Value, long Order)> index;
    private readonly ImmutableSortedDictionary<long, KeyValuePair<object?, object?>> order;
    private readonly long nextOrder;
    private int hash;

    private PersistentMap(
        ImmutableDictionary<object, (object? Value, long Order)> index,
        ImmutableSortedDictionary<long, KeyValuePair<object?, object?>> order,
        long nextOrder,
        SourceSpan? span)
    {
        this.index = index;
        this.order = order;
        this.nextOrder = nextOrder;
        Span = span;
    }

    public static PersistentMap Empty { get; } = new(
        ImmutableDictionary.Create<object, (object?, long)>(KeyComparer.Instance),
        ImmutableSortedDictionary<long, KeyValuePair<object?, object?>>.Empty,
        0,
        null);

    public int Count => index.Count;

    public bool IsEmpty => index.IsEmpty;

    public SourceSpan? Span { get; }

    /// <summary>Entries in insertion order.</summary>
    public IEnumerable<KeyValuePair<object?, object?>> Entries => order.Values;

    public IEnumerable<object?> Keys => order.Values.Select(static e => e.Key);

    public IEnumerable<object?> Values => order.Values.Select(static e => e.Value);

    public bool ContainsKey(object? key) => index.ContainsKey(KeyComparer.Wrap(key));

    public bool TryGetValue(object? key, out object? value)
    {
        if (index.TryGetValue(KeyComparer.Wrap(key), out var slot))
        {
            value = slot.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The value for <paramref name="key"/>, or <paramref name="notFound"/>.</summary>
    public object? Get(object? key, object? notFound = null) =>
        index.TryGetValue(KeyComparer.Wrap(key), out var slot) ? slot.Value : notFound;

    public PersistentMap Assoc(object? key, object? value)
    {
        object wrapped = KeyComparer.Wrap(key);
        if (index.TryGetValue(wrapped, out var slot))
        {
            if (ReferenceEquals(slot.Value, value))
            {
                return this;
            }

            // Keep the key object first inserted, as Clojure does, and its position.
            var existingKey = order[slot.Order].Key;
            return new PersistentMap(
                index.SetItem(wrapped, (value, slot.Order)),
                order.SetItem(slot.Order, new KeyValuePair<object?, object?>(existingKey, value)),
                nextOrder,
                null);
        }

        return new PersistentMap(
            index.Add(wrapped, (value, nextOrder)),
            order.Add(nextOrder, new KeyValuePair<object?, object?>(key, value)),
            nextOrder + 1,
            null);
    }

    public PersistentMap Dissoc(object? key)
    {
        object wrapped = KeyComparer.Wrap(key);
        if (!index.TryGetValue(wrapped, out var slot))
        {
            return this;
        }

        return index.Count == 1
            ? Empty
            : new PersistentMap(index.Remove(wrapped), order.Remove(slot.Order), nextOrder, null);
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

    public PersistentMap WithSpan(SourceSpan? span) => new(index, order, nextOrder, span);

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

    public static PersistentMap CreateRange(IEnumerable<KeyValuePair<object?, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var indexBuilder = ImmutableDictionary.CreateBuilder<object, (object?, long)>(KeyComparer.Instance);
        var orderBuilder = ImmutableSortedDictionary.CreateBuilder<long, KeyValuePair<object?, object?>>();
        long next = 0;
        foreach (var entry in entries)
        {
            object wrapped = KeyComparer.Wrap(entry.Key);
            if (indexBuilder.TryGetValue(wrapped, out var slot))
            {
                indexBuilder[wrapped] = (entry.Value, slot.Item2);
                orderBuilder[slot.Item2] = new KeyValuePair<object?, object?>(orderBuilder[slot.Item2].Key, entry.Value);
            }
            else
            {
                indexBuilder.Add(wrapped, (entry.Value, next));
                orderBuilder.Add(next, entry);
                next++;
            }
        }

        return next == 0 ? Empty : new PersistentMap(indexBuilder.ToImmutable(), orderBuilder.ToImmutable(), next, null);
    }

    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var entry in order.Values)
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
            int sum = 0;
            foreach (var entry in order.Values)
            {
                sum = unchecked(sum + (ValueEquality.Instance.GetHashCode(entry.Key) ^ ValueEquality.Instance.GetHashCode(entry.Value)));
            }

            hash = sum;
        }

        return hash;
    }

    public override string ToString() => Printing.Printer.PrStr(this);
}
