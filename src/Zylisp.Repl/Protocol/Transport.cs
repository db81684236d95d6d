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
    private readonly SemaphoreSlim sendGate = new(1, 1);

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
    public async Task<object?> ReceiveAsync(CancellationToken ct = default) => await reader.ReadAsync(ct).ConfigureAwait(false);

    /// <summary>Sends one message; false when the peer is gone (a closed connection is not an error for a server).</summary>
    public Task<bool> SendAsync(IReadOnlyDictionary<string, object> message, CancellationToken ct = default) =>
        WriteAsync(BencodeWriter.Encode(message), ct);

    /// <summary>Sends several messages in one write: one system call, and one wake-up of the peer instead of several.</summary>
    public Task<bool> SendAsync(IReadOnlyList<IReadOnlyDictionary<string, object>> messages, CancellationToken ct = default)
    {
        if (messages.Count == 1)
        {
            return SendAsync(messages[0], ct);
        }

        var output = new MemoryStream();
        foreach (var message in messages)
        {
            output.Write(BencodeWriter.Encode(message));
        }

        return WriteAsync(output.ToArray(), ct);
    }

    private async Task<bool> WriteAsync(byte[] bytes, CancellationToken ct)
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
            await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            return false;
        }
        finally
        {
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
