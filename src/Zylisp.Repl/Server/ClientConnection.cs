using System.Globalization;
using Zylisp.Repl.Bencode;
using Zylisp.Repl.Protocol;
using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Server;

/// <summary>
/// One client's connection: reads its messages in order and answers each op. An eval runs in the
/// background (the session's worker does the work), so an interrupt or another session's request
/// on the same connection is read while it runs. A malformed message gets an error reply and ends
/// this connection only; every other client keeps being served.
/// </summary>
internal sealed class ClientConnection(Transport transport, NreplServer server) : IAsyncDisposable
{
    private static readonly List<object> Done = ["done"];
    private ServerSession? defaultSession;

    public Task<bool> SendAsync(Dictionary<string, object> message) => transport.SendAsync(message);

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                object? received;
                try
                {
                    received = await transport.ReceiveAsync(ct).ConfigureAwait(false);
                }
                catch (BencodeException e)
                {
                    // After a framing error the rest of the stream cannot be trusted: say why, then hang up.
                    await transport.SendAsync(Message.Create(("status", new List<object> { "error", "malformed-message", "done" }), ("err", e.Message + "\n"))).ConfigureAwait(false);
                    return;
                }

                switch (received)
                {
                    case null:
                        return;
                    case Dictionary<string, object> message:
                        await DispatchAsync(message, ct).ConfigureAwait(false);
                        break;
                    default:
                        await transport.SendAsync(Message.Create(("status", new List<object> { "error", "not-a-dictionary", "done" }), ("err", "an nREPL message must be a bencode dictionary\n"))).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    private async Task DispatchAsync(Dictionary<string, object> message, CancellationToken ct)
    {
        var id = message.Str("id");
        var op = message.Str("op");
        var sessionId = message.Str("session");
        ServerSession? session = null;
        if (sessionId is not null && op is not "clone" and not "ls-sessions" and not "describe")
        {
            session = server.Sessions.Find(sessionId);
            if (session is null)
            {
                await Reply(id, sessionId, ("status", new List<object> { "error", "unknown-session", "done" })).ConfigureAwait(false);
                return;
            }
        }

        switch (op)
        {
            case "describe":
                await Reply(id, sessionId, ("ops", Ops.All.ToDictionary(p => p.Key, p => (object)Message.Create(("doc", p.Value)))), ("versions", Versions()), ("aux", Message.Create(("current-ns", "user"), ("engines", EngineKinds.Available.Cast<object>().ToList()), ("default-engine", server.Options.Engine))), ("status", Done)).ConfigureAwait(false);
                break;
            case "clone":
                await CloneAsync(id, message, ct).ConfigureAwait(false);
                break;
            case "close":
                if (session is null)
                {
                    await Reply(id, null, ("status", new List<object> { "error", "unknown-session", "done" })).ConfigureAwait(false);
                    break;
                }

                await server.CloseSessionAsync(session).ConfigureAwait(false);
                await Reply(id, session.Id, ("status", new List<object> { "done", "session-closed" })).ConfigureAwait(false);
                break;
            case "ls-sessions":
                await Reply(id, sessionId, ("sessions", server.Sessions.Current.Keys.Order(StringComparer.Ordinal).Cast<object>().ToList()), ("status", Done)).ConfigureAwait(false);
                break;
            case "eval":
            case "load-file":
                session ??= await DefaultSessionAsync(ct).ConfigureAwait(false);
                if (session is not null)
                {
                    var code = op == "eval" ? message.Str("code") : message.Str("file");
                    var file = op == "eval" ? message.Str("file") : message.Str("file-path") ?? message.Str("file-name");
                    if (code is null)
                    {
                        await Reply(id, session.Id, ("status", new List<object> { "error", op == "eval" ? "no-code" : "no-file", "done" })).ConfigureAwait(false);
                        break;
                    }

                    var line = op == "eval" ? message.Long("line") : null;
                    var column = op == "eval" ? message.Long("column") : null;
                    _ = EvalAsync(session, id, code, file, line, column, ct);
                }

                break;
            case "interrupt":
                await InterruptAsync(session ?? defaultSession, id, message.Str("interrupt-id")).ConfigureAwait(false);
                break;
            case "stdin":
                session ??= defaultSession;
                if (session is not null && session.Slot.CurrentOrNull() is { } worker)
                {
                    await worker.SendAsync(Message.Create(("op", "stdin"), ("session", session.Id), ("stdin", message.Str("stdin") ?? "")), null).ConfigureAwait(false);
                }

                await Reply(id, session?.Id, ("status", Done)).ConfigureAwait(false);
                break;
            case "completions":
            case "complete":
                session ??= await DefaultSessionAsync(ct).ConfigureAwait(false);
                await CompleteAsync(session, id, message.Str("prefix") ?? message.Str("symbol") ?? "", ct).ConfigureAwait(false);
                break;
            case "lookup":
            case "info":
            case "eldoc":
                session ??= await DefaultSessionAsync(ct).ConfigureAwait(false);
                await LookupAsync(session, op, id, message.Str("sym") ?? message.Str("symbol") ?? "", ct).ConfigureAwait(false);
                break;
            default:
                await Reply(id, sessionId, ("op", op), ("status", new List<object> { "error", "unknown-op", "done" })).ConfigureAwait(false);
                break;
        }
    }

    private async Task CloneAsync(string? id, Dictionary<string, object> message, CancellationToken ct)
    {
        var parent = server.Sessions.Find(message.Str("session"));
        if (message.Str("session") is not null && parent is null)
        {
            await Reply(id, message.Str("session"), ("status", new List<object> { "error", "unknown-session", "done" })).ConfigureAwait(false);
            return;
        }

        var engine = message.Str("engine") ?? parent?.Engine ?? server.Options.Engine;
        if (EngineKinds.Problem(engine) is { } problem)
        {
            await Reply(id, null, ("err", problem + "\n"), ("status", new List<object> { "error", "unsupported-engine", "done" })).ConfigureAwait(false);
            return;
        }

        var session = await server.CreateSessionAsync(engine, parent?.Journal ?? [], ct).ConfigureAwait(false);
        session.LastRequest = (this, id);
        await Reply(id, parent?.Id, ("new-session", session.Id), ("engine", session.WorkerEngine ?? session.Engine), ("status", Done)).ConfigureAwait(false);
    }

    /// <summary>A client that evaluates without cloning gets one session per connection, created on first use.</summary>
    private async Task<ServerSession?> DefaultSessionAsync(CancellationToken ct) =>
        defaultSession ??= await server.CreateSessionAsync(server.Options.Engine, [], ct).ConfigureAwait(false);

    private async Task EvalAsync(ServerSession session, string? id, string code, string? file, long? line, long? column, CancellationToken ct)
    {
        await session.EvalGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            session.LastRequest = (this, id);
            // Running before the worker is at hand (it may still be starting): an interrupt that
            // comes meanwhile is recorded, and the eval then never starts, instead of the
            // interrupt finding the session idle and the eval running on.
            var workerId = server.NextWorkerId();
            var running = new RunningEval(id, workerId);
            session.Running = running;
            var worker = await session.Slot.CurrentAsync(ct).ConfigureAwait(false);
            // Replies to the client that wait to go out with the next ones, in one write: the
            // last form's value, which the worker marks because its final report follows at once.
            var held = new List<IReadOnlyDictionary<string, object>>();
            async Task Forward(bool hold, params (string Key, object? Value)[] fields)
            {
                held.Add(Message.Create([("id", id), ("session", session.Id), .. fields]));
                if (!hold)
                {
                    await FlushAsync(held).ConfigureAwait(false);
                }
            }

            bool interruptedBeforeSending = running.InterruptRequested;
            var sent = interruptedBeforeSending || await worker.SendAsync(
                Message.Create(("op", "eval"), ("id", workerId), ("session", session.Id), ("code", code), ("file", file), ("line", line), ("column", column)),
                async reply =>
                {
                    if (reply.Str("out") is { } text)
                    {
                        await Forward(false, ("out", text)).ConfigureAwait(false);
                    }
                    else if (reply.Str("err") is { } error)
                    {
                        await Forward(false, ("err", error)).ConfigureAwait(false);
                    }
                    else if (reply.Str("value") is { } value)
                    {
                        await Forward(reply.Long("final-follows") == 1, ("value", value), ("ns", reply.Str("ns") ?? "user")).ConfigureAwait(false);
                    }
                    else if (reply.Str("defined") is { } definition)
                    {
                        session.Record([definition]);
                    }
                    else if (reply.ContainsKey("need-input"))
                    {
                        await Forward(false, ("status", new List<object> { "need-input" })).ConfigureAwait(false);
                    }
                    else if (reply.Has("status", "done") || reply.ContainsKey("died"))
                    {
                        running.Done.TrySetResult(reply);
                    }
                }).ConfigureAwait(false);
            if (interruptedBeforeSending)
            {
                // Interrupted before it was sent: it never ran.
                running.Done.TrySetResult(Message.Create(("interrupted", 1L)));
            }
            else if (!sent)
            {
                running.Done.TrySetResult(Message.Create(("died", "the worker was gone")));
            }

            var done = await running.Done.Task.ConfigureAwait(false);
            session.Running = null;
            session.Slot.RecordRequest();
            // The end of the eval goes out in one write, after anything still held.
            void End(params (string Key, object? Value)[] fields) => held.Add(Message.Create([("id", id), ("session", session.Id), .. fields]));
            if (done.Str("died") is { } died)
            {
                var why = running.InterruptRequested
                    ? $"the eval did not stop within {server.Options.Limits.InterruptGrace.TotalSeconds:0.#} s of the interrupt, so its worker was killed ({died})"
                    : $"the worker running this eval died ({died})";
                End(("err", $"{why}; the session will be restored from its journal\n"));
                End(running.InterruptRequested
                    ? ("status", new List<object> { "interrupted" })
                    : ("status", new List<object> { "eval-error" }), ("ex", running.InterruptRequested ? null : "worker-died"), ("root-ex", running.InterruptRequested ? null : "worker-died"));
            }
            else if (done.Long("interrupted") == 1 && done.Long("success") != 1)
            {
                End(("status", new List<object> { "interrupted" }));
            }
            else if (done.Long("success") != 1)
            {
                var ex = done.Str("ex") ?? "error";
                End(("ex", ex), ("root-ex", ex), ("status", new List<object> { "eval-error" }));
            }

            End(("status", Done));
            await FlushAsync(held).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            session.Running = null;
            session.EvalGate.Release();
        }
    }

    private async Task InterruptAsync(ServerSession? session, string? id, string? interruptId)
    {
        var running = session?.Running;
        if (session is null || running is null)
        {
            await Reply(id, session?.Id, ("status", new List<object> { "done", "session-idle" })).ConfigureAwait(false);
            return;
        }

        if (interruptId is not null && interruptId != running.MessageId)
        {
            await Reply(id, session.Id, ("status", new List<object> { "error", "interrupt-id-mismatch", "done" })).ConfigureAwait(false);
            return;
        }

        running.InterruptRequested = true;
        if (session.Slot.CurrentOrNull() is { } worker)
        {
            await worker.SendAsync(Message.Create(("op", "interrupt"), ("session", session.Id), ("interrupt-id", running.WorkerId)), null).ConfigureAwait(false);
        }

        await Reply(id, session.Id, ("status", Done)).ConfigureAwait(false);
        _ = EnforceGraceAsync(session, running);
    }

    /// <summary>Code that ignores the cooperative interrupt (a native loop, a blocked host call) costs its worker.</summary>
    private async Task EnforceGraceAsync(ServerSession session, RunningEval running)
    {
        var finished = await Task.WhenAny(running.Done.Task, Task.Delay(server.Options.Limits.InterruptGrace)).ConfigureAwait(false);
        if (finished != running.Done.Task)
        {
            session.Slot.KillWorker();
        }
    }

    private async Task CompleteAsync(ServerSession? session, string? id, string prefix, CancellationToken ct)
    {
        var reply = session is null ? null : await CallWorkerAsync(session, Message.Create(("op", "complete"), ("session", session.Id), ("prefix", prefix)), ct).ConfigureAwait(false);
        var completions = reply?.TryGetValue("completions", out var list) == true ? list : new List<object>();
        await Reply(id, session?.Id, ("completions", completions), ("status", Done)).ConfigureAwait(false);
    }

    private async Task LookupAsync(ServerSession? session, string op, string? id, string name, CancellationToken ct)
    {
        var reply = session is null ? null : await CallWorkerAsync(session, Message.Create(("op", "lookup"), ("session", session.Id), ("sym", name)), ct).ConfigureAwait(false);
        var info = reply?.TryGetValue("info", out var found) == true && found is Dictionary<string, object> map ? map : [];
        switch (op)
        {
            case "lookup":
                await Reply(id, session?.Id, ("info", info), ("status", info.Count == 0 ? new List<object> { "done", "lookup-error" } : Done)).ConfigureAwait(false);
                break;
            case "info":
                if (info.Count == 0)
                {
                    await Reply(id, session?.Id, ("status", new List<object> { "done", "no-info" })).ConfigureAwait(false);
                    break;
                }

                await Reply(id, session?.Id, [.. info.Select(p => (p.Key, (object?)p.Value)), ("status", Done)]).ConfigureAwait(false);
                break;
            default:
                if (info.Count == 0 || info.Str("arglists-str") is not { } arglists)
                {
                    await Reply(id, session?.Id, ("status", new List<object> { "done", "no-eldoc" })).ConfigureAwait(false);
                    break;
                }

                await Reply(id, session?.Id, ("name", name), ("ns", "user"), ("type", info.Str("type")), ("docstring", info.Str("doc")), ("eldoc", Eldoc(arglists)), ("status", Done)).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>"([x] [x & more])" as [["x"] ["x" "&" "more"]], the shape eldoc wants.</summary>
    private static List<object> Eldoc(string arglists)
    {
        var result = new List<object>();
        var start = arglists.IndexOf('[', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = arglists.IndexOf(']', start);
            if (end < 0)
            {
                break;
            }

            result.Add(arglists[(start + 1)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).Cast<object>().ToList());
            start = arglists.IndexOf('[', end);
        }

        return result;
    }

    private async Task<Dictionary<string, object>?> CallWorkerAsync(ServerSession session, Dictionary<string, object> request, CancellationToken ct)
    {
        var worker = await session.Slot.CurrentAsync(ct).ConfigureAwait(false);
        return await worker.CallAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>Sends and clears <paramref name="replies"/>, in one write.</summary>
    private async Task FlushAsync(List<IReadOnlyDictionary<string, object>> replies)
    {
        if (replies.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, object>[] batch = [.. replies];
        replies.Clear();
        await transport.SendAsync(batch).ConfigureAwait(false);
    }

    private Task<bool> Reply(string? id, string? session, params (string Key, object? Value)[] fields) =>
        transport.SendAsync(Message.Create([("id", id), ("session", session), .. fields]));

    private static Dictionary<string, object> Versions() => Message.Create(
        ("nrepl", Message.Create(("major", 1L), ("minor", 0L), ("incremental", 0L), ("version-string", "1.0.0"))),
        ("zylisp", Message.Create(("major", 0L), ("minor", 1L), ("incremental", 0L), ("version-string", typeof(ClientConnection).Assembly.GetName().Version?.ToString(3) ?? "0.1.0"))));

    public async ValueTask DisposeAsync()
    {
        if (defaultSession is not null)
        {
            await server.CloseSessionAsync(defaultSession).ConfigureAwait(false);
        }

        await transport.DisposeAsync().ConfigureAwait(false);
    }
}
