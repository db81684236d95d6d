namespace Zylisp.Cli.Hosting;

/// <summary>
/// A write-only, unbuffered stream over standard output or error (see <see cref="UnixOutput"/>); the
/// StreamWriter above it does the buffering. After the reader has gone, writes are dropped.
/// </summary>
internal sealed class FileDescriptorStream(int fd) : Stream
{
    private bool readerGone;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!readerGone)
        {
            readerGone = !UnixOutput.WriteAll(fd, buffer);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
