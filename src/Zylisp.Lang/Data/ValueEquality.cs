namespace Zylisp.Lang.Data;

/// <summary>
/// Zylisp's <c>=</c>: structural equality over data. Lists and vectors with equal elements are
/// equal; maps and sets compare by content regardless of insertion order; a long never equals a
/// double; strings compare ordinally. Doubles use <see cref="double.Equals(double)"/>, so NaN equals
/// NaN and 0.0 equals -0.0 here, which keeps map keys and sets reflexive (numeric <c>==</c> is the
/// interpreter's business). <see cref="GetHashCode(object)"/> agrees with this equality.
/// Neither equality nor hashing recurses on the host stack, so any depth works (see <see cref="NestedHashes"/>).
/// </summary>
public sealed class ValueEquality : IEqualityComparer<object?>
{
    public static ValueEquality Instance { get; } = new();

    private ValueEquality()
    {
    }

    public static bool AreEqual(object? a, object? b) => Instance.Equals(a, b);

    /// <summary>
    /// Compares with an explicit stack of pairs of item enumerators, not recursion, so two values
    /// nested a million deep compare on any thread.
    /// </summary>
    public new bool Equals(object? x, object? y)
    {
        if (!Shallow(x, y, out var items))
        {
            return false;
        }

        if (items is null)
        {
            return true;
        }

        var pending = new Stack<(IEnumerator<object?> X, IEnumerator<object?> Y)>();
        pending.Push(items.Value);
        try
        {
            while (pending.Count > 0)
            {
                var (ex, ey) = pending.Peek();
                // Lazy sequences are compared without counting them first, so both walks must end together.
                bool more = ex.MoveNext();
                if (more != ey.MoveNext())
                {
                    return false;
                }

                if (!more)
                {
                    pending.Pop();
                    continue;
                }

                if (!Shallow(ex.Current, ey.Current, out var nested))
                {
                    return false;
                }

                if (nested is not null)
                {
                    pending.Push(nested.Value);
                }
            }

            return true;
        }
        finally
        {
            foreach (var (ex, ey) in pending)
            {
                ex.Dispose();
                ey.Dispose();
            }
        }
    }

    public int GetHashCode(object? obj) => obj switch
    {
        null => 0,
        long l => l.GetHashCode(),
        double d => HashDouble(d),
        string s => StableHash.Utf8(s),
        bool b => b ? 1231 : 1237,
        _ => obj.GetHashCode(), // collections cache a structural hash; symbols hash by name
    };

    /// <summary>The hash shared by every <see cref="ISequential"/> with these elements.</summary>
    public static int SequentialHash(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
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

    /// <summary>
    /// Whether x and y can be equal judging by everything but their items; when the items decide,
    /// <paramref name="items"/> is the pair of enumerators over them, in corresponding order.
    /// </summary>
    private bool Shallow(object? x, object? y, out (IEnumerator<object?> X, IEnumerator<object?> Y)? items)
    {
        items = null;
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
            case ISequential seqx when Seq.IsLazy(x) || Seq.IsLazy(y):
                // Counting or hashing would realize both whole (forever, for an infinite one).
                if (y is not ISequential seqy2)
                {
                    return false;
                }

                items = (seqx.GetEnumerator(), seqy2.GetEnumerator());
                return true;
            case ISequential seqx:
                if (y is not ISequential seqy || seqx.Count != seqy.Count || seqx.GetHashCode() != seqy.GetHashCode())
                {
                    return false;
                }

                items = (seqx.GetEnumerator(), seqy.GetEnumerator());
                return true;
            case PersistentMap mx:
                return y is PersistentMap my && MapValues(mx, my, out items);
            case PersistentSet setx:
                return y is PersistentSet sety && SetEquals(setx, sety);
            default:
                return x.Equals(y);
        }
    }

    /// <summary>Same size, hash and keys; then the values (x's, and y's for the same keys) decide.</summary>
    private static bool MapValues(PersistentMap x, PersistentMap y, out (IEnumerator<object?> X, IEnumerator<object?> Y)? items)
    {
        items = null;
        if (x.Count != y.Count || x.GetHashCode() != y.GetHashCode())
        {
            return false;
        }

        var theirs = new List<object?>(x.Count);
        var ours = new List<object?>(x.Count);
        foreach (var entry in x.Entries)
        {
            if (!y.TryGetValue(entry.Key, out var value))
            {
                return false;
            }

            ours.Add(entry.Value);
            theirs.Add(value);
        }

        items = (ours.GetEnumerator(), theirs.GetEnumerator());
        return true;
    }

    private static bool SetEquals(PersistentSet x, PersistentSet y)
    {
        if (x.Count != y.Count || x.GetHashCode() != y.GetHashCode())
        {
            return false;
        }

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
