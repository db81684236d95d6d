using System.Text;

namespace Zylisp.Repl.Bencode;

/// <summary>
/// Decodes one bencoded value that lies wholly in memory, for <see cref="BencodeReader"/>'s fast
/// path. It builds the same values as the reader (long, string, List, ordinal Dictionary) and
/// accepts exactly what the reader accepts within its limits; it returns false, having decided
/// nothing, for input that is incomplete, malformed or over a limit, which the reader then reads
/// again and reports itself.
/// </summary>
internal static class BufferedValue
{
    public static bool TryRead(ReadOnlySpan<byte> data, ref int position, int depth, BencodeLimits limits, out object? value)
    {
        value = null;
        if (position >= data.Length)
        {
            return false;
        }

        switch (data[position])
        {
            case (byte)'i':
                {
                    position++;
                    if (!TryReadInteger(data, ref position, (byte)'e', allowNegative: true, out var n))
                    {
                        return false;
                    }

                    value = n;
                    return true;
                }

            case (byte)'l':
                {
                    if (depth + 1 > limits.MaxDepth)
                    {
                        return false;
                    }

                    position++;
                    var list = new List<object>();
                    while (true)
                    {
                        if (position >= data.Length)
                        {
                            return false;
                        }

                        if (data[position] == (byte)'e')
                        {
                            position++;
                            value = list;
                            return true;
                        }

                        if (!TryRead(data, ref position, depth + 1, limits, out var item))
                        {
                            return false;
                        }

                        list.Add(item!);
                    }
                }

            case (byte)'d':
                {
                    if (depth + 1 > limits.MaxDepth)
                    {
                        return false;
                    }

                    position++;
                    var dict = new Dictionary<string, object>(StringComparer.Ordinal);
                    while (true)
                    {
                        if (position >= data.Length)
                        {
                            return false;
                        }

                        if (data[position] == (byte)'e')
                        {
                            position++;
                            value = dict;
                            return true;
                        }

                        if (!IsDigit(data[position]) || !TryReadString(data, ref position, limits, out var key) || !TryRead(data, ref position, depth + 1, limits, out var item))
                        {
                            return false;
                        }

                        dict[key] = item!;
                    }
                }

            case var digit when IsDigit(digit):
                {
                    if (!TryReadString(data, ref position, limits, out var text))
                    {
                        return false;
                    }

                    value = text;
                    return true;
                }

            default:
                return false;
        }
    }

    private static bool TryReadString(ReadOnlySpan<byte> data, ref int position, BencodeLimits limits, out string text)
    {
        text = "";
        if (!TryReadInteger(data, ref position, (byte)':', allowNegative: false, out var length) || length > limits.MaxStringBytes || length > data.Length - position)
        {
            return false;
        }

        text = Encoding.UTF8.GetString(data.Slice(position, (int)length));
        position += (int)length;
        return true;
    }

    /// <summary>Digits up to <paramref name="terminator"/>: at least one, at most 18, as the reader allows.</summary>
    private static bool TryReadInteger(ReadOnlySpan<byte> data, ref int position, byte terminator, bool allowNegative, out long value)
    {
        value = 0;
        var negative = false;
        var digits = 0;
        while (position < data.Length)
        {
            var b = data[position++];
            if (b == terminator && digits > 0)
            {
                value = negative ? -value : value;
                return true;
            }

            if (b == (byte)'-' && digits == 0 && !negative && allowNegative)
            {
                negative = true;
                continue;
            }

            if (!IsDigit(b) || ++digits > 18)
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return false;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
