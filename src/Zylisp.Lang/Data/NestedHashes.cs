namespace Zylisp.Lang.Data;

/// <summary>A collection that caches its structural hash once computed.</summary>
internal interface ICachedHash
{
    bool HasHash { get; }
}

/// <summary>
/// Hashes nested collections bottom-up with an explicit stack. A collection's hash is built from
/// its items' hashes; computing them recursively would need one host frame per level of nesting,
/// so before a collection hashes itself, every collection below it that has no cached hash yet is
/// hashed here, deepest first, and the collection's own pass only reads cached values.
/// </summary>
internal static class NestedHashes
{
    public static void CacheBelow(IZylispCollection root)
    {
        Stack<IEnumerator<object?>>? pending = null;
        var items = Children(root).GetEnumerator();
        while (true)
        {
            if (items.MoveNext())
            {
                if (items.Current is IZylispCollection child and ICachedHash { HasHash: false })
                {
                    pending ??= new Stack<IEnumerator<object?>>();
                    pending.Push(items);
                    items = Children(child).GetEnumerator();
                    // Remember whose items these are, to hash it when they run out.
                    pending.Push(new OwnerMarker(child));
                }

                continue;
            }

            items.Dispose();
            if (pending is null || pending.Count == 0)
            {
                return;
            }

            var owner = ((OwnerMarker)pending.Pop()).Collection;
            _ = owner.GetHashCode(); // every collection below it is cached now: one level deep
            items = pending.Pop();
        }
    }

    /// <summary>
    /// A computed hash as cached: 0 means "not computed yet", so a structure whose hash is 0
    /// (an empty map, a set of empty sets ...) would be recomputed, recursively, on every use.
    /// </summary>
    public static int NonZero(int hash) => hash == 0 ? 0x2E5BF271 : hash;

    /// <summary>The values a collection's hash depends on (a map's keys and values, not [k v] vectors).</summary>
    internal static IEnumerable<object?> Children(IZylispCollection collection) =>
        collection is PersistentMap map ? KeysAndValues(map) : collection;

    private static IEnumerable<object?> KeysAndValues(PersistentMap map)
    {
        foreach (var entry in map.Entries)
        {
            yield return entry.Key;
            yield return entry.Value;
        }
    }

    /// <summary>A stack entry naming the collection whose items the enumerator below it walks.</summary>
    private sealed class OwnerMarker(IZylispCollection collection) : IEnumerator<object?>
    {
        public IZylispCollection Collection { get; } = collection;

        public object? Current => null;

        object? System.Collections.IEnumerator.Current => null;

        public bool MoveNext() => false;

        public void Reset()
        {
        }

        public void Dispose()
        {
        }
    }
}
