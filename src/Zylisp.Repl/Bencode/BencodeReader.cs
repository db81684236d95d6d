using System.Runtime.CompilerServices;
using System.Text;

namespace Zylisp.Repl.Bencode;

/// <summary>
/// Reads bencoded values one after another from a stream. Strings become .NET strings (nREPL's
/// strings are UTF-8), integers longs, lists <see cref="List{T}"/> and dictionaries
/// <see cref="Dictionary{TKey, TValue}"/> with string keys. Every limit is checked before the
/// bytes it covers are read; any failure throws <see cref="BencodeException"/>, after which the
/// stream position is undefined and the connection should be dropped.
/// </summary>
public sealed class BencodeReader(Stream stream, BencodeLimits? limits = null)
{
    private readonly BencodeLimits limits = limits ?? BencodeLimits.Default;
    private readonly byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private long messageBytes;
    private long offset;

    /// <summary>The next value, or null when the stream ends cleanly between values.</summary>
    /// <remarks>
    /// Pooled builders: a connection's reads wait for the peer between messages, and each wait
    /// would otherwise allocate these methods' state machines afresh.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<object?> ReadAsync(CancellationToken ct = default)
    {
        messageBytes = 0;
        if (start == end && !await FillAsync(ct).ConfigureAwait(false))
        {
            return null;
        }

        if (TryReadBuffered(out var value))
        {
            return value;
        }

        return await ReadValueAsync(0, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The common case, a whole message already in the buffer, decoded without an await per byte.
    /// Anything else (a message still arriving, or one the limits or the grammar refuse) leaves
    /// the buffer as it was and returns false, and the asynchronous reader below takes the
    /// message from the start, so it alone decides what is an error and words it.
    /// </summary>
    private bool TryReadBuffered(out object? value)
    {
        var position = start;
        if (BufferedValue.TryRead(buffer.AsSpan(0, end), ref position, 0, limits, out value) && position - start <= limits.MaxMessageBytes)
        {
            Advance(position - start);
            return true;
        }

        value = null;
        return false;
    }

    private async ValueTask<object> ReadValueAsync(int depth, CancellationToken ct)
    {
        var b = await PeekAsync(ct).ConfigureAwait(false);
        switch (b)
        {
            case (byte)'i':
                Take();
                return await ReadIntegerAsync((byte)'e', ct).ConfigureAwait(false);
            case (byte)'l':
                {
                    Take();
                    Nest(depth);
                    var list = new List<object>();
                    while (await PeekAsync(ct).ConfigureAwait(false) != (byte)'e')
                    {
                        list.Add(await ReadValueAsync(depth + 1, ct).ConfigureAwait(false));
                    }

                    Take();
                    return list;
                }

            case (byte)'d':
                {
                    Take();
                    Nest(depth);
                    var dict = new Dictionary<string, object>(StringComparer.Ordinal);
                    while (await PeekAsync(ct).ConfigureAwait(false) != (byte)'e')
                    {
                        if (!IsDigit(await PeekAsync(ct).ConfigureAwait(false)))
                        {
                            throw Fail(BencodeError.Malformed, "a dictionary key must be a string");
                        }

                        var key = (string)await ReadValueAsync(depth + 1, ct).ConfigureAwait(false);
                        dict[key] = await ReadValueAsync(depth + 1, ct).ConfigureAwait(false);
                    }

                    Take();
                    return dict;
                }

            case var digit when IsDigit(digit):
                {
                    var length = await ReadIntegerAsync((byte)':', ct).ConfigureAwait(false);
                    if (length < 0)
                    {
                        throw Fail(BencodeError.Malformed, "negative string length");
                    }

                    if (length > limits.MaxStringBytes || messageBytes + length > limits.MaxMessageBytes)
                    {
                        throw Fail(BencodeError.TooLarge, $"string of {length} bytes is over the limit");
                    }

                    return await ReadStringAsync((int)length, ct).ConfigureAwait(false);
                }

            default:
                throw Fail(BencodeError.Malformed, $"unexpected byte 0x{b:x2}");
        }
    }

    private void Nest(int depth)
    {
        if (depth + 1 > limits.MaxDepth)
        {
            throw Fail(BencodeError.TooLarge, $"nesting deeper than {limits.MaxDepth}");
        }
    }

    private async ValueTask<long> ReadIntegerAsync(byte terminator, CancellationToken ct)
    {
        long value = 0;
        var negative = false;
        var digits = 0;
        while (true)
        {
            var b = await PeekAsync(ct).ConfigureAwait(false);
            Take();
            if (b == terminator && digits > 0)
            {
                return negative ? -value : value;
            }

            if (b == (byte)'-' && digits == 0 && !negative && terminator == (byte)'e')
            {
                negative = true;
                continue;
            }

            if (!IsDigit(b) || ++digits > 18)
            {
                throw Fail(BencodeError.Malformed, IsDigit(b) ? "integer too long" : $"unexpected byte 0x{b:x2} in a number");
            }

            value = (value * 10) + (b - '0');
        }
    }

    private async ValueTask<string> ReadStringAsync(int length, CancellationToken ct)
    {
        if (end - start >= length)
        {
            var text = Encoding.UTF8.GetString(buffer, start, length);
            Advance(length);
            return text;
        }

        var bytes = new byte[length];
        var copied = 0;
        while (copied < length)
        {
            if (start == end && !await FillAsync(ct).ConfigureAwait(false))
            {
                throw Fail(BencodeError.Truncated, "stream ended inside a string");
            }

            var n = Math.Min(length - copied, end - start);
            Buffer.BlockCopy(buffer, start, bytes, copied, n);
            copied += n;
            Advance(n);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private async ValueTask<byte> PeekAsync(CancellationToken ct)
    {
        if (start == end && !await FillAsync(ct).ConfigureAwait(false))
        {
            throw Fail(BencodeError.Truncated, "stream ended inside a message");
        }

        return buffer[start];
    }

    private void Take() => Advance(1);

    private void Advance(int n)
    {
        start += n;
        offset += n;
        messageBytes += n;
        if (messageBytes > limits.MaxMessageBytes)
        {
            throw Fail(BencodeError.TooLarge, $"message longer than {limits.MaxMessageBytes} bytes");
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        start = 0;
        end = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
        return end > 0;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private BencodeException Fail(BencodeError error, string message) => new(error, offset, message);
}
