using System.Collections.Concurrent;
using System.Net.Sockets;
using Zylisp.Lang;
using Zylisp.Lang.Runtime;
using Zylisp.Repl.Protocol;

namespace Zylisp.Repl.Workers;

/// <summary>
/// The worker's side of the server–worker protocol (docs/design/nrepl.md): it hosts sessions, runs
/// their evals and streams output, values and the final report back. It serves one connection,
/// the server's; when that closes, the worker's job is over.
/// </summary>
public sealed class WorkerHost
{
    private readonly ConcurrentDictionary<string, WorkerSession> sessions = new(StringComparer.Ordinal);

    /// <summary>Listens on a Unix socket, serves the first connection until it closes, then returns.</summary>
    public static async Task RunAsync(string socketPath, CancellationToken ct = default)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        File.Delete(socketPath);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);
        var socket = await listener.AcceptAsync(ct).ConfigureAwait(false);
        listener.Close();
        File.Delete(socketPath);
        var transport = Transport.OverBlockingSocket(socket);
        // A blocked read does not see the token; closing the socket ends it.
        using (ct.Register(socket.Dispose))
        {
            try
            {
                await OnOwnThread(() => new WorkerHost().ServeAsync(transport, ct)).ConfigureAwait(false);
            }
            finally
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }
        }

        RemoveEmptySocketDirectory(Path.GetDirectoryName(socketPath));
    }

    /// <summary>Runs the serve loop on a thread of its own: its reads block, and complete on that thread.</summary>
    private static Task OnOwnThread(Func<Task> serve)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                serve().GetAwaiter().GetResult();
                finished.TrySetResult();
            }
#pragma warning disable CA1031 // Handed to the awaiting caller, who decides.
            catch (Exception e)
#pragma warning restore CA1031
            {
                finished.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "worker connection",
        };
        thread.Start();
        return finished.Task;
    }

    /// <summary>
    /// A server that was killed (a closed terminal, SIGKILL) cannot remove its socket directory;
    /// its workers see the connection close and the last one out removes the directory.
    /// </summary>
    private static void RemoveEmptySocketDirectory(string? directory)
    {
        if (directory is null || !Path.GetFileName(directory).StartsWith(WorkerPool.DirectoryPrefix, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: false);
        }
        catch (IOException)
        {
            // Not empty (another worker still runs) or already gone.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public async Task ServeAsync(Transport transport, CancellationToken ct)
    {
        // Sends complete before the sender goes on, one at a time: an eval's out, values and done
        // then reach the server in the order they were produced, whatever thread produced them.
        var sendLock = new object();
        void SendAll(IReadOnlyList<IReadOnlyDictionary<string, object>> replies)
        {
            lock (sendLock)
            {
                transport.SendAsync(replies, CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        try
        {
            while (await transport.ReceiveAsync(ct).ConfigureAwait(false) is Dictionary<string, object> message)
            {
                Handle(message, SendAll);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or Bencode.BencodeException)
        {
            // The server went away or sent garbage: either way this worker's job is over.
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        }
    }

    private void Handle(Dictionary<string, object> message, Action<IReadOnlyList<IReadOnlyDictionary<string, object>>> sendAll)
    {
        void send(Dictionary<string, object> reply) => sendAll([reply]);

        var id = message.Str("id");
        var sessionId = message.Str("session") ?? "";
        Dictionary<string, object> Reply(params (string, object?)[] fields) => Message.Create([("id", id), .. fields]);

        switch (message.Str("op"))
        {
            case "ping":
                send(Reply(("pong", 1L)));
                return;
            case "open":
                var engine = message.Str("engine") ?? EngineKinds.Default;
                if (EngineKinds.Problem(engine) is { } problem)
                {
                    send(Reply(("err", problem + "\n"), ("status", new List<object> { "error", "unsupported-engine", "done" })));
                    return;
                }

                var opened = sessions.GetOrAdd(sessionId, name => new WorkerSession(name, engine));
                send(Reply(("engine", opened.EngineName), ("status", new List<object> { "done" })));
                return;
            case "close":
                if (sessions.TryRemove(sessionId, out var closed))
                {
                    closed.Dispose();
                }

                send(Reply(("status", new List<object> { "done" })));
                return;
        }

        if (!sessions.TryGetValue(sessionId, out var session))
        {
            send(Reply(("status", new List<object> { "error", "unknown-session", "done" })));
            return;
        }

        switch (message.Str("op"))
        {
            case "eval":
                session.Post(() => Evaluate(session, message, Reply, new ReplyBatch(sendAll)));
                break;
            case "interrupt":
                send(Reply(("status", new List<object> { session.Interrupt(message.Str("interrupt-id")) ? "interrupted" : "session-idle", "done" })));
                break;
            case "stdin":
                session.Input.Provide(message.Str("stdin") ?? "");
                break;
            // On the session's thread: an engine is used by one thread at a time, and looking a
            // name up may load its prelude definition.
            case "complete":
                session.Post(() => send(Reply(("completions", Completions.For(session.Engine, message.Str("prefix") ?? "")), ("status", new List<object> { "done" }))));
                break;
            case "lookup":
                session.Post(() => send(Reply(("info", Completions.Info(session.Engine, message.Str("sym") ?? "")), ("status", new List<object> { "done" }))));
                break;
            default:
                send(Reply(("status", new List<object> { "error", "unknown-op", "done" })));
                break;
        }
    }

    private static void Evaluate(WorkerSession session, Dictionary<string, object> message, Func<(string, object?)[], Dictionary<string, object>> reply, ReplyBatch replies)
    {
        var silent = message.Long("silent") == 1;
        var output = new ForwardingWriter(text => replies.Send(reply([("out", text)])));
        var error = new ForwardingWriter(text => replies.Send(reply([("err", text)])));
        session.Input.NeedInput = () => replies.Send(reply([("need-input", 1L)]));
        var lastFormRan = false;
        EvalRequest? request = null;
        request = new EvalRequest(message.Str("code") ?? "")
        {
            File = message.Str("file") ?? "<repl>",
            Line = (int)Math.Clamp(message.Long("line") ?? 1, 1, 1_000_000),
            Column = (int)Math.Clamp(message.Long("column") ?? 1, 1, 1_000_000),
            Out = silent ? TextWriter.Null : output,
            Error = silent ? TextWriter.Null : error,
            OnFormEvaluated = silent ? null : (form, value) =>
            {
                output.Flush();
                lastFormRan = WorkerSession.IsLastForm(request!, form);
                // final-follows: the server may hold this value and send it with the end of the eval.
                var valueReply = reply([("value", Lang.Printing.Printer.PrStr(value)), ("ns", session.Engine.CurrentNamespace), ("final-follows", lastFormRan ? 1L : null)]);
                if (lastFormRan)
                {
                    replies.Hold(valueReply);
                }
                else
                {
                    replies.Send(valueReply);
                }
            },
        };

        EvalOutcome outcome;
        try
        {
            // Each definition is reported as soon as it has run, not with the final report: an eval
            // whose worker dies later (an ignored interrupt, kill -9) keeps the definitions it made.
            // A silent eval is a replay of definitions the server already holds.
            outcome = session.Eval(message.Str("id") ?? "", request, recordResults: !silent, silent ? _ => { } : text =>
            {
                var defined = reply([("defined", text)]);
                if (lastFormRan)
                {
                    replies.Hold(defined);
                }
                else
                {
                    replies.Send(defined);
                }
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A host bug in the engine must not take the worker's other sessions down with it.
            replies.Send(reply([("err", $"internal error in the worker: {e.GetType().Name}: {e.Message}\n"), ("status", new List<object> { "done" }), ("success", 0L), ("ex", "host-error")]));
            return;
        }

        output.Flush();
        error.Flush();
        var report = outcome.Report;
        var final = new List<Dictionary<string, object>>();
        if (!silent)
        {
            foreach (var diagnostic in report.Diagnostics)
            {
                final.Add(reply([("err", diagnostic.Text.EndsWith('\n') ? diagnostic.Text : diagnostic.Text + "\n")]));
            }
        }

        final.Add(reply([
            ("status", new List<object> { "done" }),
            ("success", report.Success ? 1L : 0L),
            ("interrupted", outcome.Interrupted ? 1L : 0L),
            ("ex", report.ErrorType),
            ("message", report.ErrorMessage),
            ("diagnostics", report.Diagnostics.Select(d => (object)Message.Create(
                ("id", d.Id), ("severity", d.Severity), ("phase", d.Phase), ("file", d.File),
                ("line", (long)d.Line), ("column", (long)d.Column), ("message", d.Message))).ToList()),
        ]));
        replies.Send([.. final]);
    }
}
