using System.Collections;

namespace Zylisp.Lang.Data;

/// <summary>
/// A sequence whose elements are computed when first needed: <c>(lazy-seq body)</c> and the lazy
/// sequence functions. The thunk runs at most once (when it returns normally) and is then dropped,
/// so whatever it captured can be collected; what it produced is kept as a seq node (a non-empty
/// <see cref="PersistentList"/> or a <see cref="Cons"/>) or nil. See docs/design/lazy-sequences.md.
/// </summary>
public sealed class LazySeq : ISequential, ICachedHash
{
    private Func<object?>? thunk;
    private object? produced;
    private object? node;
    private bool hasNode;
    private int hash;

    public LazySeq(Func<object?> thunk) => this.thunk = thunk;

    /// <summary>True once the body has run (<c>realized?</c>).</summary>
    public bool IsRealized => thunk is null;

    bool ICachedHash.HasHash => hash != 0;

    /// <summary>
    /// The realized seq node: null when empty, else a non-empty <see cref="PersistentList"/> or a
    /// <see cref="Cons"/>. A body that returns another lazy seq is unwrapped in a loop, not by
    /// recursion, so a long chain of empty steps (filter skipping a long run) uses no host stack.
    /// </summary>
    public object? Seq()
    {
        if (hasNode)
        {
            return node;
        }

        object? value = Run();
        while (value is LazySeq inner)
        {
            value = inner.Run();
        }

        node = Data.Seq.Node(value);
        hasNode = true;
        produced = null;
        return node;
    }

    /// <summary>Runs the body once (if it has not run) and gives what it produced, unwrapping nothing.</summary>
    private object? Run()
    {
        if (hasNode)
        {
            return node;
        }

        if (thunk is { } body)
        {
            // The thunk is dropped only after it returns, so a body that threw runs again next time.
            produced = body();
            thunk = null;
        }

        return produced;
    }

    /// <summary>Realizes every element to count them; never ends for an infinite sequence, as in Clojure.</summary>
    public int Count => Data.Seq.WalkCount(this);

    public IEnumerator<object?> GetEnumerator() => new SeqEnumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

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
}

/// <summary>
/// A seq node of a first element and the rest (any seqable, usually a <see cref="LazySeq"/>):
/// what <c>cons</c> onto a lazy sequence, and the lazy sequence functions, build. Unlike a
/// <see cref="PersistentList"/> it does not know its length.
/// </summary>
public sealed class Cons : ISequential, ICachedHash
{
    private int hash;

    public Cons(object? first, object? more)
    {
        First = first;
        More = more;
    }

    public object? First { get; }

    /// <summary>The rest: nil, a list, a lazy seq, another cons, or any seqable collection.</summary>
    public object? More { get; }

    bool ICachedHash.HasHash => hash != 0;

    public int Count => Data.Seq.WalkCount(this);

    public IEnumerator<object?> GetEnumerator() => new SeqEnumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

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
}

/// <summary>
/// Walks any seqable, keeping only the part not yet walked: an enumerator over a lazy sequence
/// never holds its head, so walking an infinite sequence runs in constant memory.
/// </summary>
public sealed class SeqEnumerator(object? coll) : IEnumerator<object?>
{
    private object? rest = coll;
    private IEnumerator<object?>? inner;

    public object? Current { get; private set; }

    object? IEnumerator.Current => Current;

    public bool MoveNext()
    {
        if (inner is not null)
        {
            if (inner.MoveNext())
            {
                Current = inner.Current;
                return true;
            }

            inner = null;
            Current = null;
            return false;
        }

        while (true)
        {
            switch (rest)
            {
                case null:
                    Current = null;
                    return false;
                case LazySeq lazy:
                    rest = lazy.Seq();
                    continue;
                case PersistentList list:
                    if (list.Count == 0)
                    {
                        rest = null;
                        Current = null;
                        return false;
                    }

                    Current = list.First;
                    rest = list.Rest;
                    return true;
                case Cons cons:
                    Current = cons.First;
                    rest = cons.More;
                    return true;
                default:
                    inner = Seq.Enumerate(rest).GetEnumerator();
                    rest = null;
                    return MoveNext();
            }
        }
    }

    public void Reset() => throw new NotSupportedException();

    public void Dispose()
    {
        inner?.Dispose();
        rest = null;
    }
}
