using System.Text;

namespace Zylisp.Compiler.Native.Values;

/// <summary>
/// How a Zylisp string's text becomes native string bytes (docs/design/native-strings.md): UTF-8,
/// except that a lone surrogate (which a Zylisp string may hold, as a .NET string may) is written
/// as its own three-byte sequence (WTF-8), so every code point the interpreter counts is one
/// sequence here and the bytes decode back to the same UTF-16 text.
/// </summary>
internal static class NativeText
{
    /// <summary>The string's bytes: UTF-8, lone surrogates as three-byte sequences.</summary>
    public static byte[] Encode(string text)
    {
        if (!HasLoneSurrogate(text))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var bytes = new List<byte>(text.Length * 3);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !IsPairAt(text, i))
            {
                int unit = text[i];
                bytes.Add((byte)(0xE0 | (unit >> 12)));
                bytes.Add((byte)(0x80 | ((unit >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (unit & 0x3F)));
                continue;
            }

            var rune = Rune.GetRuneAt(text, i);
            var written = rune.EncodeToUtf8(buffer);
            bytes.AddRange(buffer[..written]);
            i += rune.Utf16SequenceLength - 1;
        }

        return [.. bytes];
    }

    /// <summary>The number of code points, counted as the interpreter counts them (a lone surrogate is one).</summary>
    public static long CodePointCount(string text) => Lang.Data.ZylispStrings.CodePointCount(text);

    /// <summary>
    /// A string object's header word: its type, and above the type byte its code-point count plus
    /// one (0 there means "not counted yet", what strings built at run time start with).
    /// </summary>
    public static long StringHeader(long codePoints) => (long)ObjectType.String | ((codePoints + 1) << 8);

    /// <summary>Whether the text holds a surrogate that is not half of a pair.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                if (!IsPairAt(text, i))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
