using System.Runtime.CompilerServices;

namespace Zylisp.Lang.Data;

/// <summary>
/// Zylisp's <c>=</c>: structural equality over data. Lists and vectors with equal elements are
/// equal; maps and sets compare by content regardless of insertion order; a long never equals a
/// double; strings compare ordinally. Doubles use <see cref="double.Equals(double)"/>, so NaN equals
/// NaN and 0.0 equals -0.0 here, which keeps map keys and sets reflexive (numeric <c>==</c> is the
/// interpreter's business). <see cref="GetHashCode(object)"/> agrees with this equality.
/// Deeply nested values throw <see cref="InsufficientExecutionStackException"/> instead of crashing.
/// </summary>
public sealed class ValueEquality : IEqualityComparer<object?>
{
    public static ValueEquality Instance { get; } = new();

    private ValueEquality()
    {
    }

    public static bool AreEqual(object? a, object? b) => Instance.Equals(a, b);

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        switch (x)
        {
            case long lx:
                return y is long ly && lx == ly;
            case double dx:
                return y is double dy && dx.Equals(dy);
            case string sx:
                return y is string sy && string.Equals(sx, sy, StringComparison.Ordinal);
            case Symbol symx:
                return symx.Equals(y);
            case Keyword:
                return false; // interned: equal keywords are the same object
            case ISequential seqx:
                return y is ISequential seqy && SequentialEquals(seqx, seqy);
            case PersistentMap mx:
                return y is PersistentMap my && MapEquals(mx, my);
            case PersistentSet setx:
                return y is PersistentSet sety && SetEquals(setx, sety);
            default:
                return x.Equals(y);
        }
    }

    public int GetHashCode(object? obj) => obj switch
    {
        null => 0,
        long l => l.GetHashCode(),
        double d => HashDouble(d),
        string s => StringComparer.Ordinal.GetHashCode(s),
        _ => obj.GetHashCode(), // collections cache a structural hash; symbols hash by name
    };

    /// <summary>The hash shared by every <see cref="ISequential"/> with these elements.</summary>
    public static int SequentialHash(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        RuntimeHelpers.EnsureSufficientExecutionStack();
        int hash = 1;
        foreach (var item in items)
        {
            hash = unchecked((hash * 31) + Instance.GetHashCode(item));
        }

        return hash;
    }

    private static int HashDouble(double d)
    {
        if (d == 0)
        {
            return 0; // 0.0 and -0.0 are equal, so they must hash alike
        }

        return double.IsNaN(d) ? 0x7ff80000 : d.GetHashCode();
    }

    private static bool SequentialEquals(ISequential x, ISequential y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        if (x.GetHashCode() != y.GetHashCode())
        {
            return false;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        using var ex = x.GetEnumerator();
        using var ey = y.GetEnumerator();
        while (ex.MoveNext() && ey.MoveNext())
        {
            if (!Instance.Equals(ex.Current, ey.Current))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapEquals(PersistentMap x, PersistentMap y)
    {
        if (x.Count != y.Count || x.GetHashCode() != y.GetHashCode())
        {
            return false;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var entry in x.Entries)
        {
            if (!y.TryGetValue(entry.Key, out var value) || !Instance.Equals(entry.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SetEquals(PersistentSet x, PersistentSet y)
    {
        if (x.Count != y.Count || x.GetHashCode() != y.GetHashCode())
        {
            return false;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var item in x)
        {
            if (!y.Contains(item))
            {
                return false;
            }
        }

        return true;
    }
}
