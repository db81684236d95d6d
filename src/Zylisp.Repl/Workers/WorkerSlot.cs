using System.Collections.Concurrent;
using System.Globalization;
using Zylisp.Rely;
using Zylisp.Repl.Protocol;
using Zylisp.Repl.Server;

namespace Zylisp.Repl.Workers;

/// <summary>
/// One place in the worker pool. The pool supervisor starts (and restarts) its incarnations through
/// <see cref="StartIncarnationAsync"/>: a new worker process, a connection to it, and the replay of
/// every hosted session's journal. When an incarnation dies, the evals it was running end with a
/// "worker died" error, and requests wait for the next incarnation.
/// </summary>
internal sealed class WorkerSlot(int index, WorkerPool pool)
{
    private readonly ConcurrentDictionary<string, ServerSession> sessions = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private TaskCompletionSource<WorkerClient> current = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WorkerClient? client;
    private IProcess? process;
    private int incarnation;

    public int Index { get; } = index;

    public int SessionCount => sessions.Count;

    /// <summary>How many times a worker has been started here (1 after the first start).</summary>
    public int Incarnation => Volatile.Read(ref incarnation);

    /// <summary>The OS process id of the current worker, when it is a process.</summary>
    public int? OsProcessId => (process as ProcessWorker)?.OsProcessId;

    public async Task<IProcess> StartIncarnationAsync(ChildStartContext context)
    {
        var n = Interlocked.Increment(ref incarnation);
        var socketPath = Path.Combine(pool.SocketDirectory, string.Create(CultureInfo.InvariantCulture, $"w{Index}-{n}.sock"));
        var started = pool.Launcher.Start(socketPath, pool.Limits, PingAsync, context);
        WorkerClient connected;
        var failedReplays = new Dictionary<ServerSession, int>();
        try
        {
            connected = await WorkerClient.ConnectAsync(socketPath, started.Completion, pool.Limits.StartTimeout).ConfigureAwait(false);
            foreach (var session in sessions.Values)
            {
                failedReplays[session] = await OpenOnAsync(connected, session).ConfigureAwait(false);
            }
        }
        catch
        {
            started.Kill();
            throw;
        }

        lock (gate)
        {
            client = connected;
            process = started;
            current.TrySetResult(connected);
        }

        _ = WatchAsync(connected, started);
        if (n > 1)
        {
            foreach (var (session, failed) in failedReplays)
            {
                var detail = failed == 0 ? "" : $" ({failed} of them failed again)";
                await pool.NotifyAsync(session, $";; worker restarted: session {session.Id} was restored by replaying its {session.Journal.Count} definitions{detail}\n").ConfigureAwait(false);
            }
        }

        return started;
    }

    /// <summary>Pins a new session here and creates it in the current worker, replaying its journal (a clone's starting definitions).</summary>
    public async Task<bool> OpenSessionAsync(ServerSession session, CancellationToken ct)
    {
        sessions[session.Id] = session;
        var worker = await CurrentAsync(ct).ConfigureAwait(false);
        return await OpenOnAsync(worker, session).ConfigureAwait(false) >= 0;
    }

    public async Task CloseSessionAsync(ServerSession session)
    {
        sessions.TryRemove(session.Id, out _);
        if (CurrentOrNull() is { } worker)
        {
            await worker.SendAsync(Message.Create(("op", "close"), ("session", session.Id)), null).ConfigureAwait(false);
        }
    }

    /// <summary>The live worker connection, waiting while the slot restarts.</summary>
    public Task<WorkerClient> CurrentAsync(CancellationToken ct)
    {
        lock (gate)
        {
            return current.Task.WaitAsync(ct);
        }
    }

    public WorkerClient? CurrentOrNull()
    {
        lock (gate)
        {
            return current.Task.IsCompletedSuccessfully ? current.Task.Result : null;
        }
    }

    /// <summary>Counts a served request against the worker's limit.</summary>
    public void RecordRequest()
    {
        IProcess? running;
        lock (gate)
        {
            running = process;
        }

        (running as ProcessWorker)?.RecordRequest();
    }

    /// <summary>Kills the current worker (an interrupt that was not obeyed); the supervisor restarts it.</summary>
    public void KillWorker()
    {
        IProcess? running;
        lock (gate)
        {
            running = process;
        }

        running?.Kill();
    }

    private async Task<bool> PingAsync(ProcessWorker worker, CancellationToken ct)
    {
        var connection = CurrentOrNull();
        return connection is null || await connection.CallAsync(Message.Create(("op", "ping")), ct).ConfigureAwait(false) is not null;
    }

    /// <summary>Creates the session in a worker and replays its journal silently; the number of failed replays, or -1 when the worker died.</summary>
    private static async Task<int> OpenOnAsync(WorkerClient worker, ServerSession session)
    {
        if (await worker.CallAsync(Message.Create(("op", "open"), ("session", session.Id), ("engine", session.Engine))).ConfigureAwait(false) is not { } opened)
        {
            return -1;
        }

        session.WorkerEngine = opened.Str("engine");

        var failed = 0;
        foreach (var definition in session.Journal)
        {
            var reply = await worker.CallAsync(Message.Create(("op", "eval"), ("session", session.Id), ("code", definition), ("file", "<replay>"), ("silent", 1L))).ConfigureAwait(false);
            if (reply is null)
            {
                return -1;
            }

            failed += reply.Long("success") == 1 ? 0 : 1;
        }

        return failed;
    }

    private async Task WatchAsync(WorkerClient connection, IProcess incarnationProcess)
    {
        await connection.Closed.ConfigureAwait(false);
        lock (gate)
        {
            if (ReferenceEquals(client, connection))
            {
                client = null;
                current = new TaskCompletionSource<WorkerClient>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        string reason;
        try
        {
            reason = (await incarnationProcess.Completion.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false)).ToString();
        }
        catch (TimeoutException)
        {
            // The connection broke but the process lives on: it is of no use to us any more.
            incarnationProcess.Kill();
            reason = "its connection to the server broke";
        }

        await connection.FailAll(reason).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
