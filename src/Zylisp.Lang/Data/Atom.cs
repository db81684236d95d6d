namespace Zylisp.Lang.Data;

/// <summary>
/// A mutable reference to an immutable value. <see cref="Swap"/> retries its function until it
/// wins a compare-and-set, so concurrent swaps never lose updates (the function may run more
/// than once, so it should be free of side effects). Equality is identity.
/// </summary>
public sealed class Atom
{
    private object? value;

    public Atom(object? initial) => value = initial;

    public object? Deref() => Volatile.Read(ref value);

    public object? Reset(object? newValue)
    {
        Volatile.Write(ref value, newValue);
        return newValue;
    }

    /// <summary>Sets the value to <c>f(current)</c> atomically and returns the new value.</summary>
    public object? Swap(Func<object?, object?> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        while (true)
        {
            var current = Volatile.Read(ref value);
            var next = f(current);
            if (ReferenceEquals(Interlocked.CompareExchange(ref value, next, current), current))
            {
                return next;
            }
        }
    }

    /// <summary>Sets the value to <paramref name="newValue"/> only if it is still (by identity) <paramref name="expected"/>.</summary>
    public bool CompareAndSet(object? expected, object? newValue) =>
        ReferenceEquals(Interlocked.CompareExchange(ref value, newValue, expected), expected);
}
