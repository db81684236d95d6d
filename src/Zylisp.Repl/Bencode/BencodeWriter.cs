using System.Buffers;
using System.Buffers.Text;
using System.Collections;
using System.Text;

namespace Zylisp.Repl.Bencode;

/// <summary>
/// Encodes strings, integers, byte arrays, lists and string-keyed dictionaries (keys sorted by
/// their bytes, as bencode requires). A whole message is built in memory and written with one
/// call, so a reply never reaches the socket in pieces.
/// Every value is written straight into the output buffer: no array per string or key, no string
/// per number, and a dictionary's keys are ordered in a pooled array (docs/design/nrepl.md, "the
/// encoder"). Keys that are all ASCII sort by ordinal comparison, which is their byte order; any
/// other key set is sorted by its UTF-8 bytes, as bencode defines it.
/// </summary>
public static class BencodeWriter
{
    private const int MaxDepth = 256;

    public static byte[] Encode(object value)
    {
        var output = new ArrayBufferWriter<byte>(256);
        Write(output, value);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Appends the encoding of <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, object value) => Write(output, value, 0);

    private static void Write(IBufferWriter<byte> output, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException("bencode: value nested too deeply to encode");
        }

        switch (value)
        {
            case string s:
                WriteString(output, s);
                break;
            case byte[] bytes:
                WriteLength(output, bytes.Length);
                output.Write(bytes);
                break;
            case long n:
                WriteInteger(output, n);
                break;
            case int or short or byte or sbyte or uint or ushort:
                WriteInteger(output, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case bool b:
                WriteInteger(output, b ? 1 : 0);
                break;
            case IDictionary dict:
                WriteDictionary(output, dict, depth);
                break;
            case IEnumerable items:
                WriteByte(output, (byte)'l');
                foreach (var item in items)
                {
                    Write(output, item ?? "", depth + 1);
                }

                WriteByte(output, (byte)'e');
                break;
            default:
                throw new ArgumentException($"bencode: cannot encode {value?.GetType().Name ?? "null"}");
        }
    }

    private static void WriteDictionary(IBufferWriter<byte> output, IDictionary dict, int depth)
    {
        var entries = ArrayPool<KeyValuePair<string, object>>.Shared.Rent(Math.Max(dict.Count, 1));
        try
        {
            var count = 0;
            var ascii = true;
            foreach (DictionaryEntry entry in dict)
            {
                if (entry.Value is null)
                {
                    continue; // bencode has no nil; an absent key says the same
                }

                var key = entry.Key as string ?? throw new ArgumentException("bencode: dictionary keys must be strings");

                ascii &= Ascii.IsValid(key);
                entries[count++] = new(key, entry.Value);
            }

            var used = entries.AsSpan(0, count);
            if (ascii)
            {
                used.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            }
            else
            {
                used.Sort(static (a, b) => Encoding.UTF8.GetBytes(a.Key).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Key)));
            }

            WriteByte(output, (byte)'d');
            foreach (var (key, item) in used)
            {
                WriteString(output, key);
                Write(output, item, depth + 1);
            }

            WriteByte(output, (byte)'e');
        }
        finally
        {
            ArrayPool<KeyValuePair<string, object>>.Shared.Return(entries, clearArray: true);
        }
    }

    private static void WriteString(IBufferWriter<byte> output, string s)
    {
        var length = Encoding.UTF8.GetByteCount(s);
        WriteLength(output, length);
        var span = output.GetSpan(length);
        Encoding.UTF8.GetBytes(s, span);
        output.Advance(length);
    }

    /// <summary>A string's length and its colon.</summary>
    private static void WriteLength(IBufferWriter<byte> output, int length)
    {
        var span = output.GetSpan(12);
        Utf8Formatter.TryFormat(length, span, out var written);
        span[written] = (byte)':';
        output.Advance(written + 1);
    }

    private static void WriteInteger(IBufferWriter<byte> output, long n)
    {
        var span = output.GetSpan(22);
        span[0] = (byte)'i';
        Utf8Formatter.TryFormat(n, span[1..], out var written);
        span[written + 1] = (byte)'e';
        output.Advance(written + 2);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}
