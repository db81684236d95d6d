using System.Collections;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>
/// An immutable indexed sequence: a 32-way trie of leaf arrays plus a separate tail array
/// (the layout Clojure made popular). Indexing and <see cref="Assoc"/> are O(log32 n), which is
/// at most 7 steps for any size; <see cref="Conj"/> and <see cref="Pop"/> are amortized O(1)
/// because they usually touch only the tail. Vectors of up to 32 elements are a single array.
/// Updates copy only the path they change and share the rest. See docs/design/data-model.md.
/// </summary>
public sealed class PersistentVector : ISequential, IHasSpan, ICachedHash, IReadOnlyList<object?>, IEquatable<PersistentVector>
{
    private const int Bits = 5;
    private const int Width = 1 << Bits;
    private const int Mask = Width - 1;

    private static readonly object?[] EmptyNode = new object?[Width];

    private readonly int count;
    private readonly int shift;
    private readonly object?[] root;
    private readonly object?[] tail;
    private int hash;

    bool ICachedHash.HasHash => hash != 0;
    private readonly PackedSpan location; // kept inline; see PackedSpan

    private PersistentVector(int count, int shift, object?[] root, object?[] tail, PackedSpan location)
    {
        this.count = count;
        this.shift = shift;
        this.root = root;
        this.tail = tail;
        this.location = location;
    }

    public static PersistentVector Empty { get; } = new(0, Bits, EmptyNode, [], default);

    public int Count => count;

    public bool IsEmpty => count == 0;

    public SourceSpan? Span => location.ToSourceSpan();

    private int TailOffset => count < Width ? 0 : ((count - 1) >> Bits) << Bits;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when out of range.</summary>
    public object? this[int index]
    {
        get
        {
            if ((uint)index >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"Index out of range for a vector of {count} elements.");
            }

            return LeafFor(index)[index & Mask];
        }
    }

    /// <summary>The element at <paramref name="index"/>, or <paramref name="notFound"/> when out of range.</summary>
    public object? Nth(long index, object? notFound = null) =>
        index >= 0 && index < count ? LeafFor((int)index)[(int)index & Mask] : notFound;

    /// <summary>A new vector with <paramref name="item"/> appended.</summary>
    public PersistentVector Conj(object? item)
    {
        if (count - TailOffset < Width)
        {
            var newTail = new object?[tail.Length + 1];
            Array.Copy(tail, newTail, tail.Length);
            newTail[tail.Length] = item;
            return new PersistentVector(count + 1, shift, root, newTail, default);
        }

        // The tail is full: it becomes a leaf of the trie, growing a new level when the root is full.
        object?[] newRoot;
        int newShift = shift;
        if ((count >> Bits) > (1 << shift))
        {
            newRoot = new object?[Width];
            newRoot[0] = root;
            newRoot[1] = NewPath(shift, tail);
            newShift += Bits;
        }
        else
        {
            newRoot = PushTail(count, shift, root, tail);
        }

        return new PersistentVector(count + 1, newShift, newRoot, [item], default);
    }

    /// <summary>A new vector with position <paramref name="index"/> replaced; index == Count appends.</summary>
    public PersistentVector Assoc(int index, object? item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        if (index == count)
        {
            return Conj(item);
        }

        if (index >= TailOffset)
        {
            var newTail = (object?[])tail.Clone();
            newTail[index & Mask] = item;
            return new PersistentVector(count, shift, root, newTail, default);
        }

        return new PersistentVector(count, shift, AssocInTree(shift, root, index, item), tail, default);
    }

    /// <summary>Without the last element; throws <see cref="InvalidOperationException"/> when empty.</summary>
    public PersistentVector Pop()
    {
        if (count == 0)
        {
            throw new InvalidOperationException("Can't pop an empty vector.");
        }

        if (count == 1)
        {
            return Empty;
        }

        if (count - TailOffset > 1)
        {
            return new PersistentVector(count - 1, shift, root, tail[..^1], default);
        }

        var newTail = LeafFor(count - 2);
        var newRoot = PopTail(count, shift, root) ?? EmptyNode;
        int newShift = shift;
        if (shift > Bits && newRoot[1] is null)
        {
            newRoot = (object?[])newRoot[0]!;
            newShift -= Bits;
        }

        return new PersistentVector(count - 1, newShift, newRoot, newTail, default);
    }

    /// <summary>Elements [start, end) as a new vector.</summary>
    public PersistentVector Slice(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var values = new object?[end - start];
        for (int i = start; i < end; i++)
        {
            values[i - start] = LeafFor(i)[i & Mask];
        }

        return FromArray(values, default);
    }

    public PersistentVector WithSpan(SourceSpan? span) => new(count, shift, root, tail, PackedSpan.From(span));

    public static PersistentVector Create(params ReadOnlySpan<object?> values) => FromArray(values.ToArray(), default);

    public static PersistentVector CreateRange(IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromArray(values.ToArray(), default);
    }

    /// <summary>Builds a vector that takes ownership of <paramref name="values"/> (the caller must not change it).</summary>
    internal static PersistentVector FromArray(object?[] values, PackedSpan location)
    {
        int n = values.Length;
        if (n == 0)
        {
            return location.IsNone ? Empty : new(0, Bits, EmptyNode, [], location);
        }

        if (n <= Width)
        {
            return new PersistentVector(n, Bits, EmptyNode, values, location);
        }

        // Fill the trie leaf by leaf; nodes are private until the vector is returned, so they are mutated in place.
        int tailOffset = ((n - 1) >> Bits) << Bits;
        var newRoot = new object?[Width];
        int newShift = Bits;
        for (int leafStart = 0; leafStart < tailOffset; leafStart += Width)
        {
            var leaf = new object?[Width];
            Array.Copy(values, leafStart, leaf, 0, Width);
            if ((leafStart >> Bits) >= (1 << newShift))
            {
                var grown = new object?[Width];
                grown[0] = newRoot;
                newRoot = grown;
                newShift += Bits;
            }

            PlaceLeafInPlace(newRoot, newShift, leafStart, leaf);
        }

        return new PersistentVector(n, newShift, newRoot, values[tailOffset..], location);
    }

    public IEnumerator<object?> GetEnumerator()
    {
        for (int leafStart = 0; leafStart < count; leafStart += Width)
        {
            var leaf = LeafFor(leafStart);
            int end = Math.Min(Width, count - leafStart);
            for (int i = 0; i < end; i++)
            {
                yield return leaf[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PersistentVector? other) => ValueEquality.Instance.Equals(this, other);

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

    private object?[] LeafFor(int index)
    {
        if (index >= TailOffset)
        {
            return tail;
        }

        var node = root;
        for (int level = shift; level > 0; level -= Bits)
        {
            node = (object?[])node[(index >> level) & Mask]!;
        }

        return node;
    }

    private static void PlaceLeafInPlace(object?[] node, int level, int index, object?[] leaf)
    {
        while (level > Bits)
        {
            int slot = (index >> level) & Mask;
            node = (object?[])(node[slot] ??= new object?[Width]);
            level -= Bits;
        }

        node[(index >> Bits) & Mask] = leaf;
    }

    private static object?[] PushTail(int count, int level, object?[] parent, object?[] tailNode)
    {
        int slot = ((count - 1) >> level) & Mask;
        var copy = (object?[])parent.Clone();
        copy[slot] = level == Bits
            ? tailNode
            : parent[slot] is object?[] child ? PushTail(count, level - Bits, child, tailNode) : NewPath(level - Bits, tailNode);
        return copy;
    }

    private static object?[] NewPath(int level, object?[] node)
    {
        if (level == 0)
        {
            return node;
        }

        var path = new object?[Width];
        path[0] = NewPath(level - Bits, node);
        return path;
    }

    private static object?[] AssocInTree(int level, object?[] node, int index, object? item)
    {
        var copy = (object?[])node.Clone();
        if (level == 0)
        {
            copy[index & Mask] = item;
        }
        else
        {
            int slot = (index >> level) & Mask;
            copy[slot] = AssocInTree(level - Bits, (object?[])node[slot]!, index, item);
        }

        return copy;
    }

    private static object?[]? PopTail(int count, int level, object?[] node)
    {
        int slot = ((count - 2) >> level) & Mask;
        if (level > Bits)
        {
            var child = PopTail(count, level - Bits, (object?[])node[slot]!);
            if (child is null && slot == 0)
            {
                return null;
            }

            var copy = (object?[])node.Clone();
            copy[slot] = child;
            return copy;
        }

        if (slot == 0)
        {
            return null;
        }

        var trimmed = (object?[])node.Clone();
        trimmed[slot] = null;
        return trimmed;
    }
}
