using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Zylisp.Repl.Protocol;

namespace Zylisp.Repl.Workers;

/// <summary>
/// The server's connection to one worker incarnation. Requests carry a fresh id; each reply is
/// handed, in arrival order, to the handler registered for its id until one says <c>done</c>.
/// When the connection ends (the worker died), <see cref="Closed"/> completes and the host fails
/// every pending request with <see cref="FailAll"/>.
/// </summary>
internal sealed class WorkerClient : IAsyncDisposable
{
    private readonly Transport transport;
    private readonly ConcurrentDictionary<string, Func<Dictionary<string, object>, Task>> pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long nextId;

    private WorkerClient(Transport transport)
    {
        this.transport = transport;
        new Thread(ReadLoop) { IsBackground = true, Name = "worker replies" }.Start();
    }

    /// <summary>Completes when the connection to the worker has ended.</summary>
    public Task Closed => closed.Task;

    /// <summary>Connects to a worker that is starting: retries until it listens, the process exits, or the timeout passes.</summary>
    public static async Task<WorkerClient> ConnectAsync(string socketPath, Task processExited, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                // A blocking connect: one asynchronous operation would put the socket in
                // non-blocking mode for good, and its reads through the socket engine's thread.
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                return new WorkerClient(Transport.OverBlockingSocket(socket));
            }
            catch (SocketException)
            {
                socket.Dispose();
                if (processExited.IsCompleted)
                {
                    throw new IOException("the worker exited before it accepted a connection");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the worker did not listen on {socketPath} within {timeout.TotalSeconds:0} s");
                }

                await Task.Delay(5).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends a request; <paramref name="onReply"/> sees every reply to it, the last one with status done.</summary>
    public async Task<bool> SendAsync(Dictionary<string, object> request, Func<Dictionary<string, object>, Task>? onReply)
    {
        if (!request.ContainsKey("id"))
        {
            request["id"] = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        }

        if (onReply is not null)
        {
            pending[(string)request["id"]] = onReply;
        }

        if (closed.Task.IsCompleted || !await transport.SendAsync(request).ConfigureAwait(false))
        {
            pending.TryRemove((string)request["id"], out _);
            return false;
        }

        return true;
    }

    /// <summary>Sends a request and waits for its done reply (null when the worker died first).</summary>
    public async Task<Dictionary<string, object>?> CallAsync(Dictionary<string, object> request, CancellationToken ct = default)
    {
        var reply = new TaskCompletionSource<Dictionary<string, object>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!await SendAsync(request, r =>
        {
            if (r.Has("status", "done") || r.ContainsKey("pong") || r.ContainsKey("died"))
            {
                reply.TrySetResult(r.ContainsKey("died") ? null : r);
            }

            return Task.CompletedTask;
        }).ConfigureAwait(false))
        {
            return null;
        }

        using var registration = ct.Register(() => reply.TrySetCanceled(ct));
        return await reply.Task.ConfigureAwait(false);
    }

    /// <summary>Ends every pending request with a <c>died</c> reply carrying <paramref name="reason"/>.</summary>
    public async Task FailAll(string reason)
    {
        foreach (var id in pending.Keys.ToList())
        {
            if (pending.TryRemove(id, out var handler))
            {
                await handler(Message.Create(("id", id), ("died", reason))).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads the worker's replies on a thread of its own, blocked in recv: a reply wakes this thread
    /// directly, where an asynchronous read would wake the socket engine's thread first, and the
    /// socket, never registered with epoll, sends no wake-ups for the worker having read a request
    /// (docs/design/nrepl.md). Each reply's handler finishes before the next reply is read, as the
    /// asynchronous loop awaited it; handlers only write to client sockets.
    /// </summary>
    private void ReadLoop()
    {
        try
        {
            while (transport.Receive() is Dictionary<string, object> reply)
            {
                if (reply.Str("id") is { } id && pending.TryGetValue(id, out var handler))
                {
                    if (reply.Has("status", "done") || reply.ContainsKey("pong"))
                    {
                        pending.TryRemove(id, out _);
                    }

                    try
                    {
                        handler(reply).GetAwaiter().GetResult();
                    }
#pragma warning disable CA1031 // A failing client connection must not stop this worker's replies to others.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                    }
                }
            }
        }
#pragma warning disable CA1031 // Whatever ended the connection, the worker is gone for us.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        closed.TrySetResult();
    }

    public async ValueTask DisposeAsync() => await transport.DisposeAsync().ConfigureAwait(false);
}
