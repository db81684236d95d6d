using Zylisp.Lang.Data;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// The reader's per-read string table: one string object per distinct name, looked up straight
/// from the source text without allocating, together with the name's <see cref="Symbol"/> hash.
/// Open addressing with linear probing; the table doubles when half full.
/// </summary>
internal sealed class NameTable
{
    private Entry[] entries = new Entry[256];
    private int count;

    public (string Name, int Hash) Intern(ReadOnlySpan<char> chars)
    {
        int hash = Symbol.NameHash(chars);
        int mask = entries.Length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref entries[i];
            if (entry.Name is null)
            {
                string name = chars.ToString();
                entry = new Entry(name, hash);
                if (++count * 2 > entries.Length)
                {
                    Grow();
                }

                return (name, hash);
            }

            if (entry.Hash == hash && chars.SequenceEqual(entry.Name))
            {
                return (entry.Name, hash);
            }
        }
    }

    private void Grow()
    {
        var old = entries;
        entries = new Entry[old.Length * 2];
        int mask = entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Name is null)
            {
                continue;
            }

            int i = entry.Hash & mask;
            while (entries[i].Name is not null)
            {
                i = (i + 1) & mask;
            }

            entries[i] = entry;
        }
    }

    private readonly record struct Entry(string? Name, int Hash);
}
