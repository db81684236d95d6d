using System.Collections;
using System.Collections.Immutable;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable indexed sequence. Backed by <see cref="ImmutableList{T}"/> (a balanced tree), so
/// indexing, <see cref="Conj"/>, <see cref="Assoc"/> and <see cref="Pop"/> are O(log n) and
/// share structure with the original. See docs/design/data-model.md.
/// </summary>
public sealed class PersistentVector : ISequential, IHasSpan, IReadOnlyList<object?>, IEquatable<PersistentVector>
{
    private readonly ImmutableList<object?> items;
    private int hash;

    private PersistentVector(ImmutableList<object?> items, SourceSpan? span)
    {
        this.items = items;
        Span = span;
    }

    public static PersistentVector Empty { get; } = new(ImmutableList<object?>.Empty, null);

    public int Count => items.Count;

    public bool IsEmpty => items.IsEmpty;

    public SourceSpan? Span { get; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when out of range.</summary>
    public object? this[int index] => items[index];

    /// <summary>The element at <paramref name="index"/>, or <paramref name="notFound"/> when out of range.</summary>
    public object? Nth(long index, object? notFound = null) =>
        index >= 0 && index < items.Count ? items[(int)index] : notFound;

    /// <summary>A new vector with <paramref name="item"/> appended.</summary>
    public PersistentVector Conj(object? item) => new(items.Add(item), null);

    /// <summary>A new vector with position <paramref name="index"/> replaced; index == Count appends.</summary>
    public PersistentVector Assoc(int index, object? item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, items.Count);
        return index == items.Count ? Conj(item) : new PersistentVector(items.SetItem(index, item), null);
    }

    /// <summary>Without the last element; throws <see cref="InvalidOperationException"/> when empty.</summary>
    public PersistentVector Pop() =>
        items.IsEmpty ? throw new InvalidOperationException("Can't pop an empty vector.") : new(items.RemoveAt(items.Count - 1), null);

    /// <summary>Elements [start, end) as a new vector.</summary>
    public PersistentVector Slice(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, items.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        return new PersistentVector(items.GetRange(start, end - start), null);
    }

    public PersistentVector WithSpan(SourceSpan? span) => new(items, span);

    public static PersistentVector Create(params ReadOnlySpan<object?> values)
    {
        var builder = ImmutableList.CreateBuilder<object?>();
        foreach (var value in values)
        {
            builder.Add(value);
        }

        return new PersistentVector(builder.ToImmutable(), null);
    }

    public static PersistentVector CreateRange(IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new PersistentVector(ImmutableList.CreateRange(values), null);
    }

    public IEnumerator<object?> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PersistentVector? other) => ValueEquality.Instance.Equals(this, other);

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
