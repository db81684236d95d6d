namespace Zylisp.Zast.Printing;

/// <summary>
/// The printer's pending white space (go/printer's wsbuf): a fixed array and a count. Not a
/// List&lt;Whitespace&gt;, whose generic code over a value type ReadyToRun leaves to the JIT.
/// </summary>
internal sealed class WhitespaceBuffer(int capacity)
{
    private readonly Whitespace[] _items = new Whitespace[capacity];

    public int Count { get; private set; }

    public Whitespace this[int index]
    {
        get => index < Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));
        set => _items[index < Count ? index : throw new ArgumentOutOfRangeException(nameof(index))] = value;
    }

    public void Add(Whitespace item)
    {
        if (Count == _items.Length) throw new InvalidOperationException("the white-space buffer is full");
        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    /// <summary>Drops the first <paramref name="n"/> items.</summary>
    public void RemoveFirst(int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, Count);
        Array.Copy(_items, n, _items, 0, Count - n);
        Count -= n;
    }
}
