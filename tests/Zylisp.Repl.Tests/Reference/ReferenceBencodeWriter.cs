using System.Collections;
using System.Globalization;
using System.Text;

namespace Zylisp.Repl.Tests.Reference;

/// <summary>
/// The bencode encoder as it was before it wrote into one buffer (kept as the reference the
/// rewritten <c>BencodeWriter</c> is checked against, byte for byte, in BencodeWriterProperties).
/// Encodes strings, integers, byte arrays, lists and string-keyed dictionaries (keys sorted by
/// their bytes, as bencode requires). A whole message is built in memory and written with one
/// call, so a reply never reaches the socket in pieces.
/// </summary>
public static class ReferenceBencodeWriter
{
    public static byte[] Encode(object value)
    {
        var output = new MemoryStream();
        Write(output, value, 0);
        return output.ToArray();
    }

    private static void Write(MemoryStream output, object? value, int depth)
    {
        if (depth > 256)
        {
            throw new ArgumentException("bencode: value nested too deeply to encode");
        }

        switch (value)
        {
            case string s:
                WriteBytes(output, Encoding.UTF8.GetBytes(s));
                break;
            case byte[] bytes:
                WriteBytes(output, bytes);
                break;
            case long or int or short or byte or sbyte or uint or ushort:
                WriteAscii(output, "i" + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "e");
                break;
            case bool b:
                WriteAscii(output, b ? "i1e" : "i0e");
                break;
            case IDictionary dict:
                output.WriteByte((byte)'d');
                var entries = new List<(byte[] Key, object? Value)>();
                foreach (DictionaryEntry entry in dict)
                {
                    if (entry.Value is null)
                    {
                        continue; // bencode has no nil; an absent key says the same
                    }

                    entries.Add((Encoding.UTF8.GetBytes(entry.Key as string ?? throw new ArgumentException("bencode: dictionary keys must be strings")), entry.Value));
                }

                entries.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
                foreach (var (key, item) in entries)
                {
                    WriteBytes(output, key);
                    Write(output, item, depth + 1);
                }

                output.WriteByte((byte)'e');
                break;
            case IEnumerable items:
                output.WriteByte((byte)'l');
                foreach (var item in items)
                {
                    Write(output, item ?? "", depth + 1);
                }

                output.WriteByte((byte)'e');
                break;
            default:
                throw new ArgumentException($"bencode: cannot encode {value?.GetType().Name ?? "null"}");
        }
    }

    private static void WriteBytes(MemoryStream output, byte[] bytes)
    {
        WriteAscii(output, bytes.Length.ToString(CultureInfo.InvariantCulture) + ":");
        output.Write(bytes);
    }

    private static void WriteAscii(MemoryStream output, string text)
    {
        foreach (var c in text)
        {
            output.WriteByte((byte)c);
        }
    }
}
