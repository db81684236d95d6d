using Zylisp.Lang.Data;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// The reader's per-read string table: one string object per distinct name, looked up straight
/// from the source text without allocating, together with the name's <see cref="Symbol"/> hash,
/// and one <see cref="SymbolName"/> per distinct symbol token, shared by all its occurrences.
/// Open addressing with linear probing; the table doubles when half full.
/// </summary>
internal sealed class NameTable
{
    private Entry[] entries = new Entry[256];
    private int count;

    public (string Name, int Hash) Intern(ReadOnlySpan<char> chars)
    {
        int i = Find(chars, out int hash);
        return (entries[i].Name!, hash);
    }

    /// <summary>
    /// The shared identity of the symbol written <paramref name="token"/>, already split into
    /// <paramref name="ns"/> (empty when unqualified) and <paramref name="name"/>.
    /// </summary>
    public SymbolName InternSymbol(ReadOnlySpan<char> token, ReadOnlySpan<char> ns, ReadOnlySpan<char> name)
    {
        int i = Find(token, out _);
        if (entries[i].Symbol is { } known)
        {
            return known;
        }

        // Interning the parts may grow the table, so the token's slot is found again afterwards.
        var (nsName, nsHash) = ns.IsEmpty ? (null, Symbol.NoNamespaceHash) : Intern(ns);
        var (symbolName, nameHash) = Intern(name);
        var symbol = new SymbolName(nsName, symbolName, Symbol.HashOf(nsHash, nameHash));
        entries[Find(token, out _)].Symbol = symbol;
        return symbol;
    }

    /// <summary>The slot holding <paramref name="chars"/>, adding it (and growing) if it is new.</summary>
    private int Find(ReadOnlySpan<char> chars, out int hash)
    {
        hash = Symbol.NameHash(chars);
        int mask = entries.Length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref entries[i];
            if (entry.Name is null)
            {
                entry = new Entry { Name = chars.ToString(), Hash = hash };
                if (++count * 2 > entries.Length)
                {
                    Grow();
                    return Find(chars, out hash);
                }

                return i;
            }

            if (entry.Hash == hash && chars.SequenceEqual(entry.Name))
            {
                return i;
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

    private struct Entry
    {
        public string? Name;
        public int Hash;
        public SymbolName? Symbol;
    }
}
