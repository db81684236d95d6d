namespace Zylisp.Zast.Printing;

/// <summary>A growable byte array: the printer and the tabwriter work on UTF-8 bytes, as Go's do.</summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes;

    public ByteBuffer(int capacity = 256) => _bytes = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public byte this[int index] => _bytes[index];

    public void Append(byte value)
    {
        Reserve(1);
        _bytes[Length++] = value;
    }

    public void Append(byte value, int count)
    {
        if (count <= 0) return;
        Reserve(count);
        // A loop, not Span.Fill: Fill<byte> is generic code the JIT compiles on first use.
        for (var end = Length + count; Length < end; Length++) _bytes[Length] = value;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Appends <paramref name="text"/> as UTF-8 and returns the number of bytes written.</summary>
    public int AppendUtf8(string text)
    {
        var count = System.Text.Encoding.UTF8.GetByteCount(text);
        Reserve(count);
        System.Text.Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length, count));
        Length += count;
        return count;
    }

    public void Clear() => Length = 0;

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Span);

    private void Reserve(int extra)
    {
        if (Length + extra <= _bytes.Length) return;
        Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + extra));
    }
}
