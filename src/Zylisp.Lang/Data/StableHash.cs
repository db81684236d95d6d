using System.Text;

namespace Zylisp.Lang.Data;

/// <summary>
/// The parts of <c>hash</c> every engine computes alike (docs/design/hashing.md): FNV-1a over a
/// string's UTF-8 bytes, so a program prints the same hashes in every run and on every engine
/// (the host's string hashing is randomized per process).
/// </summary>
internal static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>What a keyword's hash is mixed with, so :a and "a" hash apart.</summary>
    private const uint KeywordMix = 0x9e3779b9;

    /// <summary>FNV-1a over the UTF-8 encoding of <paramref name="text"/> (a lone surrogate as U+FFFD).</summary>
    public static int Utf8(ReadOnlySpan<char> text) => (int)Continue(OffsetBasis, text);

    /// <summary>A keyword's hash: FNV-1a over ":ns/name" (or ":name"), mixed.</summary>
    public static int Keyword(string? ns, string name)
    {
        uint h = Continue(OffsetBasis, ":");
        if (ns is not null)
        {
            h = Continue(Continue(h, ns), "/");
        }

        return (int)(Continue(h, name) ^ KeywordMix);
    }

    private static uint Continue(uint h, ReadOnlySpan<char> text)
    {
        Span<byte> encoded = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x80)
            {
                h = unchecked((h ^ (uint)rune.Value) * Prime);
                continue;
            }

            int count = rune.EncodeToUtf8(encoded);
            for (int i = 0; i < count; i++)
            {
                h = unchecked((h ^ encoded[i]) * Prime);
            }
        }

        return h;
    }
}
