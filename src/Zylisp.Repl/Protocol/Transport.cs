using System.Buffers;
using System.Net.Sockets;
using Zylisp.Repl.Bencode;

namespace Zylisp.Repl.Protocol;

/// <summary>
/// Bencoded dictionaries over a stream (TCP to clients, a Unix socket to workers). Reads happen on
/// one loop; sends from any thread are serialized and each message goes out in one write.
/// </summary>
public sealed class Transport : IAsyncDisposable
{
    private readonly Stream stream;
    private readonly BencodeReader reader;
    private const int InitialSendBufferBytes = 4096;
    private const int RetainedSendBufferBytes = 1024 * 1024;
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private ArrayBufferWriter<byte> sendBuffer = new(InitialSendBufferBytes);

    public Transport(Stream stream, BencodeLimits? limits = null)
    {
        this.stream = stream;
        reader = new BencodeReader(stream, limits);
    }

    public static Transport Over(Socket socket, BencodeLimits? limits = null)
    {
        if (socket.ProtocolType == ProtocolType.Tcp)
        {
            // Replies are whole messages written at once; Nagle would hold small ones for 40 ms.
            socket.NoDelay = true;
        }

        return new Transport(new NetworkStream(socket, ownsSocket: true), limits);
    }

    /// <summary>A transport whose receives and sends block the calling thread (see <see cref="BlockingStream"/>); for a reader with a thread of its own.</summary>
    public static Transport OverBlockingSocket(Socket socket, BencodeLimits? limits = null) =>
        new(new BlockingStream(new NetworkStream(socket, ownsSocket: true)), limits);

    /// <summary>The next message; null at a clean end of stream. Throws <see cref="BencodeException"/> on bad input.</summary>
    public ValueTask<object?> ReceiveAsync(CancellationToken ct = default) => reader.ReadAsync(ct);

    /// <summary>
    /// The next message, read on the calling thread; for a transport over a blocking socket
    /// (<see cref="OverBlockingSocket"/>), whose reads complete before they return.
    /// </summary>
    public object? Receive()
    {
        var next = reader.ReadAsync();
        return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Sends one message; false when the peer is gone (a closed connection is not an error for a server).</summary>
    public Task<bool> SendAsync(IReadOnlyDictionary<string, object> message, CancellationToken ct = default) =>
        WriteAsync(message, null, ct);

    /// <summary>Sends several messages in one write: one system call, and one wake-up of the peer instead of several.</summary>
    public Task<bool> SendAsync(IReadOnlyList<IReadOnlyDictionary<string, object>> messages, CancellationToken ct = default) =>
        messages.Count == 1 ? WriteAsync(messages[0], null, ct) : WriteAsync(null, messages, ct);

    /// <summary>
    /// Encodes <paramref name="message"/> or <paramref name="messages"/> into the transport's one
    /// send buffer and writes it. Encoding happens inside the send gate, so the buffer is reused
    /// from send to send instead of each message becoming an array or two of its own.
    /// </summary>
    private async Task<bool> WriteAsync(IReadOnlyDictionary<string, object>? message, IReadOnlyList<IReadOnlyDictionary<string, object>>? messages, CancellationToken ct)
    {
        try
        {
            await sendGate.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The transport was disposed (the peer went away) while a worker thread still had a
            // reply to send: the reply has nowhere to go, which must not crash the process.
            return false;
        }

        try
        {
            sendBuffer.ResetWrittenCount();
            if (message is not null)
            {
                BencodeWriter.Write(sendBuffer, message);
            }
            else
            {
                foreach (var each in messages!)
                {
                    BencodeWriter.Write(sendBuffer, each);
                }
            }

            await stream.WriteAsync(sendBuffer.WrittenMemory, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            return false;
        }
        finally
        {
            if (sendBuffer.Capacity > RetainedSendBufferBytes)
            {
                // One large reply must not keep its buffer alive for the connection's lifetime.
                sendBuffer = new ArrayBufferWriter<byte>(InitialSendBufferBytes);
            }

            try
            {
                sendGate.Release();
            }
            catch (ObjectDisposedException)
            {
                // Disposed while this send was writing; nothing waits on the gate any more.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        sendGate.Dispose();
    }
}
