namespace Zylisp.Lang.Syntax;

/// <summary>
/// A growable array-backed stack for the reader's frame and item structs.
/// Why not <c>List&lt;T&gt;</c>: ReadyToRun cannot precompile a framework generic instantiated
/// over one of our structs (the framework is another version bubble), so every <c>List</c>
/// method the reader used was JIT-compiled on the first read of every process (~30 methods,
/// several milliseconds of start-up). A generic type of our own, instantiated over our own
/// structs, is precompiled into Zylisp.Lang's image. It deliberately calls no framework generic
/// method over <typeparamref name="T"/> (hence the copy loop in <see cref="Grow"/>).
/// </summary>
internal sealed class ValueStack<T>
    where T : struct
{
    private T[] slots = new T[16];
    private int count;

    public int Count => count;

    /// <summary>The element at <paramref name="index"/> (0 is the bottom), by reference.</summary>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return ref slots[index];
        }
    }

    public void Add(T value)
    {
        if (count == slots.Length)
        {
            Grow();
        }

        slots[count++] = value;
    }

    /// <summary>Removes the top element.</summary>
    public void Pop()
    {
        if (count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        slots[--count] = default;
    }

    /// <summary>Removes every element from <paramref name="newCount"/> up, so the stack keeps <paramref name="newCount"/>.</summary>
    public void Truncate(int newCount)
    {
        if ((uint)newCount > (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(newCount));
        }

        for (int i = newCount; i < count; i++)
        {
            slots[i] = default; // drop references to finished forms
        }

        count = newCount;
    }

    private void Grow()
    {
        var larger = new T[slots.Length * 2];
        for (int i = 0; i < count; i++)
        {
            larger[i] = slots[i];
        }

        slots = larger;
    }
}
