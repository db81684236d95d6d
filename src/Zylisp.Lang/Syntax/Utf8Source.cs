using System.Text;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// Decodes source bytes to text. Most sources (every script we have seen, and the prelude) are
/// ASCII; widening those with a plain loop keeps the UTF-8 decoder, cold code that costs 1.5 ms
/// of CPU on its first use, off the start-up path of <c>zylisp run</c>.
/// </summary>
public static class Utf8Source
{
    /// <summary>The text of UTF-8 <paramref name="bytes"/>, a leading byte-order mark dropped as <see cref="File.ReadAllText(string)"/> does.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (AsciiToString(bytes) is { } ascii)
        {
            return ascii;
        }

        var preamble = Encoding.UTF8.Preamble;
        return Encoding.UTF8.GetString(bytes.StartsWith(preamble) ? bytes[preamble.Length..] : bytes);
    }

    private static string? AsciiToString(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b >= 0x80)
            {
                return null;
            }

            chars[i] = (char)b;
        }

        return new string(chars);
    }
}
