namespace Zylisp.Cli.Hosting;

/// <summary>
/// Standard output or error that cannot fail loudly: a write or flush that fails (a closed
/// descriptor, <c>/dev/full</c>, a vanished terminal) marks the stream failed and drops the rest,
/// instead of throwing into the program or, from a last-chance handler, aborting the process
/// (issue 15 item 6). The command then ends with <see cref="ExitCodes.OutputFailed"/>.
/// </summary>
internal sealed class GuardedOutputStream(Stream inner) : Stream
{
    public bool Failed { get; private set; }

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
        if (Failed)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            Failed = true;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => Guard(inner.Flush);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Guard(inner.Dispose);
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        if (Failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            Failed = true;
        }
    }

    private static bool IsWriteFailure(Exception e) =>
        e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException;
}
