namespace Zylisp.Repl.Protocol;

/// <summary>
/// A stream whose asynchronous reads and writes are the inner stream's blocking ones, completed
/// before they return. The worker reads its one connection on a thread of its own and writes from
/// its sessions' threads: a blocked recv wakes that thread directly, where an asynchronous read
/// would wake the socket engine's thread and then a thread-pool thread, two more thread switches
/// in every eval's round trip. Writes block too, because one asynchronous operation puts a .NET
/// socket in non-blocking mode for good, after which even its "blocking" reads go through the
/// socket engine's thread.
/// </summary>
internal sealed class BlockingStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(inner.Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(inner.Read(buffer, offset, count));

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        inner.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        inner.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        inner.Flush();
        return Task.CompletedTask;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
