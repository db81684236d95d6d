using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Server;

/// <summary>
/// The server's record of one nREPL session: its engine, the worker slot it is pinned to, and its
/// journal (the source of each definition that succeeded, in order), which recreates the session
/// in a fresh worker after a crash and seeds a clone. Evals of one session run one at a time.
/// </summary>
internal sealed class ServerSession(string id, string engine, WorkerSlot slot, IEnumerable<string> journal)
{
    private readonly List<string> journal = [.. journal];

    public string Id { get; } = id;

    public string Engine { get; } = engine;

    public WorkerSlot Slot { get; } = slot;

    /// <summary>The engine the worker reports running for this session (the clone reply's <c>engine</c>).</summary>
    public string? WorkerEngine { get; set; }

    /// <summary>Serializes the session's evals, as nREPL's session does.</summary>
    public SemaphoreSlim EvalGate { get; } = new(1, 1);

    /// <summary>The eval now running, or null.</summary>
    public RunningEval? Running { get; set; }

    /// <summary>Where to tell the user about the session (the connection and message of its last request).</summary>
    public (ClientConnection Connection, string? MessageId)? LastRequest { get; set; }

    public IReadOnlyList<string> Journal
    {
        get
        {
            lock (journal)
            {
                return [.. journal];
            }
        }
    }

    public void Record(IEnumerable<string> definitions)
    {
        lock (journal)
        {
            journal.AddRange(definitions);
        }
    }
}

/// <summary>An eval in flight: the client's message id, the worker-side id, and whether an interrupt was asked for.</summary>
internal sealed class RunningEval(string? messageId, string workerId)
{
    public string? MessageId { get; } = messageId;

    public string WorkerId { get; } = workerId;

    public bool InterruptRequested { get; set; }

    /// <summary>
    /// The worker's final reply. The eval's last replies go out on the thread that read it (no
    /// hop through the thread pool, a measurable share of the round trip); what runs there only
    /// writes to the client's socket.
    /// </summary>
    public TaskCompletionSource<Dictionary<string, object>> Done { get; } = new();
}
