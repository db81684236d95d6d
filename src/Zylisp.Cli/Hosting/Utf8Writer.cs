using System.Text;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// A buffered UTF-8 <see cref="TextWriter"/> over a stream, writing exactly the bytes a
/// <see cref="StreamWriter"/> with <c>new UTF8Encoding(false)</c> writes (no byte-order mark, a
/// lone surrogate as U+FFFD, a surrogate pair split across writes kept together). It exists for
/// start-up: a StreamWriter's first flush runs the framework's UTF-8 encoder for the first time,
/// ~1.6 ms of CPU on every <c>zylisp run</c>, while this encodes with a few comparisons per char
/// (docs/design/cli-startup.md). Utf8WriterTests compares the two on random text.
/// </summary>
internal sealed class Utf8Writer(Stream stream, int bufferSize) : TextWriter
{
    private const char NoSurrogate = '\0';

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly byte[] buffer = new byte[Math.Max(bufferSize, 16)];
    private int count;

    // A high surrogate whose low half may come with the next write, as the encoder keeps it.
    private char pendingHigh = NoSurrogate;

    public override Encoding Encoding => Utf8;

    /// <summary>Flush after every write (a terminal sees each line at once), keeping a split surrogate pair pending as StreamWriter does.</summary>
    public bool AutoFlush { get; init; }

    public override void Write(char value)
    {
        Append(value);
        Written();
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] chars, int index, int count) => Write(chars.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            Append(c);
        }

        Written();
    }

    public override void WriteLine(string? value) => WriteLine(value.AsSpan());

    public override void WriteLine(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            Append(c);
        }

        foreach (var c in CoreNewLine)
        {
            Append(c);
        }

        Written();
    }

    /// <summary>Writes everything out, a dangling high surrogate as U+FFFD (the encoder's flush does the same).</summary>
    public override void Flush()
    {
        if (pendingHigh != NoSurrogate)
        {
            pendingHigh = NoSurrogate;
            AppendReplacement();
        }

        FlushBytes();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void Written()
    {
        if (AutoFlush)
        {
            FlushBytes();
        }
    }

    private void FlushBytes()
    {
        if (count > 0)
        {
            var bytes = count;
            count = 0;
            stream.Write(buffer, 0, bytes);
        }

        stream.Flush();
    }

    private void Append(char c)
    {
        if (count > buffer.Length - 4)
        {
            var bytes = count;
            count = 0;
            stream.Write(buffer, 0, bytes);
        }

        if (pendingHigh != NoSurrogate)
        {
            var high = pendingHigh;
            pendingHigh = NoSurrogate;
            if (char.IsLowSurrogate(c))
            {
                var scalar = char.ConvertToUtf32(high, c);
                buffer[count++] = (byte)(0xF0 | (scalar >> 18));
                buffer[count++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                buffer[count++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                buffer[count++] = (byte)(0x80 | (scalar & 0x3F));
                return;
            }

            AppendReplacement();
            Append(c);
            return;
        }

        if (c < 0x80)
        {
            buffer[count++] = (byte)c;
        }
        else if (c < 0x800)
        {
            buffer[count++] = (byte)(0xC0 | (c >> 6));
            buffer[count++] = (byte)(0x80 | (c & 0x3F));
        }
        else if (char.IsHighSurrogate(c))
        {
            pendingHigh = c;
        }
        else if (char.IsLowSurrogate(c))
        {
            AppendReplacement();
        }
        else
        {
            buffer[count++] = (byte)(0xE0 | (c >> 12));
            buffer[count++] = (byte)(0x80 | ((c >> 6) & 0x3F));
            buffer[count++] = (byte)(0x80 | (c & 0x3F));
        }
    }

    // U+FFFD, what UTF8Encoding's replacement fallback writes for a lone surrogate.
    private void AppendReplacement()
    {
        if (count > buffer.Length - 4)
        {
            var bytes = count;
            count = 0;
            stream.Write(buffer, 0, bytes);
        }

        buffer[count++] = 0xEF;
        buffer[count++] = 0xBF;
        buffer[count++] = 0xBD;
    }
}
