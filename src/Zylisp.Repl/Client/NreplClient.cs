using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Threading.Channels;
using Zylisp.Repl.Protocol;

namespace Zylisp.Repl.Client;

/// <summary>
/// A plain nREPL client over TCP: each request gets a fresh id and its replies, in order, until
/// one has status <c>done</c>. Replies for no pending request (a "session restored" notice after
/// a worker crash) go to <see cref="Unsolicited"/>. Works with any nREPL server.
/// </summary>
public sealed class NreplClient : IAsyncDisposable
{
    private readonly Transport transport;
    private readonly ConcurrentDictionary<string, Channel<Dictionary<string, object>>> pending = new(StringComparer.Ordinal);
    private readonly Task reader;
    private long nextId;

    private NreplClient(Transport transport)
    {
        this.transport = transport;
        reader = ReadLoopAsync();
    }

    /// <summary>Messages that answer no pending request.</summary>
    public Action<Dictionary<string, object>>? Unsolicited { get; set; }

    public static async Task<NreplClient> ConnectAsync(string host, int port, CancellationToken ct = default)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, ct).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new NreplClient(Transport.Over(socket));
    }

    /// <summary>Sends one request and yields each reply to it, the last one carrying status done.</summary>
    public async IAsyncEnumerable<Dictionary<string, object>> SendAsync(Dictionary<string, object> request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var id = request.Str("id") ?? Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        request["id"] = id;
        var replies = Channel.CreateUnbounded<Dictionary<string, object>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        pending[id] = replies;
        try
        {
            if (!await transport.SendAsync(request, ct).ConfigureAwait(false))
            {
                throw new IOException("the nREPL server closed the connection");
            }

            await foreach (var reply in replies.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return reply;
                if (reply.Has("status", "done"))
                {
                    yield break;
                }
            }

            throw new IOException("the nREPL server closed the connection");
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    /// <summary>Every reply to one request.</summary>
    public async Task<List<Dictionary<string, object>>> CallAsync(Dictionary<string, object> request, CancellationToken ct = default)
    {
        var all = new List<Dictionary<string, object>>();
        await foreach (var reply in SendAsync(request, ct).ConfigureAwait(false))
        {
            all.Add(reply);
        }

        return all;
    }

    /// <summary>A new session (a copy of <paramref name="from"/> when given) and its id.</summary>
    public async Task<string> CloneAsync(string? from = null, string? engine = null, CancellationToken ct = default)
    {
        var replies = await CallAsync(Message.Create(("op", "clone"), ("session", from), ("engine", engine)), ct).ConfigureAwait(false);
        return replies.Select(r => r.Str("new-session")).FirstOrDefault(s => s is not null)
            ?? throw new InvalidOperationException("clone failed: " + string.Concat(replies.Select(r => r.Str("err"))) + string.Join(",", replies.SelectMany(r => r.Strings("status"))));
    }

    /// <summary>Evaluates and gathers the replies into one result.</summary>
    public async Task<EvalResponse> EvalAsync(string session, string code, CancellationToken ct = default)
    {
        var replies = await CallAsync(Message.Create(("op", "eval"), ("session", session), ("code", code)), ct).ConfigureAwait(false);
        return EvalResponse.From(replies);
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await transport.ReceiveAsync().ConfigureAwait(false) is { } received)
            {
                if (received is not Dictionary<string, object> reply)
                {
                    continue;
                }

                if (reply.Str("id") is { } id && pending.TryGetValue(id, out var channel))
                {
                    channel.Writer.TryWrite(reply);
                }
                else
                {
                    Unsolicited?.Invoke(reply);
                }
            }
        }
#pragma warning disable CA1031 // However the connection ended, pending requests learn it below.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        foreach (var channel in pending.Values)
        {
            channel.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transport.DisposeAsync().ConfigureAwait(false);
        await reader.ConfigureAwait(false);
    }
}

/// <summary>What an eval produced: values, out and err text, the statuses, and the ex type on error.</summary>
public sealed record EvalResponse(IReadOnlyList<string> Values, string Out, string Err, IReadOnlyList<string> Statuses, string? Ex)
{
    public bool IsError => Statuses.Contains("eval-error");

    public string? Value => Values.Count > 0 ? Values[^1] : null;

    public static EvalResponse From(IReadOnlyList<Dictionary<string, object>> replies) => new(
        [.. replies.Select(r => r.Str("value")).OfType<string>()],
        string.Concat(replies.Select(r => r.Str("out"))),
        string.Concat(replies.Select(r => r.Str("err"))),
        [.. replies.SelectMany(r => r.Strings("status"))],
        replies.Select(r => r.Str("ex")).FirstOrDefault(e => e is not null));
}
