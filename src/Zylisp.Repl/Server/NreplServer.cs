using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Zylisp.Rely;
using Zylisp.Repl.Protocol;
using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Server;

/// <summary>
/// The nREPL server, as a rely supervision tree (docs/design/nrepl.md):
/// <code>
/// nrepl-server (one_for_one)
/// ├── session-registry   GenServer owning the session table
/// ├── worker-pool        simple_one_for_one over worker incarnations (ProcessWorker)
/// └── listener           accepts TCP clients, one task per connection
/// </code>
/// Start it with <see cref="StartAsync"/>; dispose it to stop everything and remove the port file.
/// </summary>
public sealed class NreplServer : IAsyncDisposable
{
    public const string PortFileName = ".nrepl-port";

    private readonly Registry registry = new();
    private readonly EventBus events = new();
    private readonly WorkerPool pool;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private Supervisor? supervisor;
    private Subscription<ChildStarted>? poolRestarts;
    private long nextWorkerId;

    private NreplServer(NreplServerOptions options)
    {
        Options = options;
        pool = new WorkerPool(options.Workers, options.Launcher, options.Limits, NotifyAsync);
        listener = new TcpListener(options.Bind, options.Port);
    }

    public NreplServerOptions Options { get; }

    /// <summary>The TCP port clients connect to.</summary>
    public int Port { get; private set; }

    public string Host => Options.Bind.ToString();

    /// <summary>The line editors look for on standard output.</summary>
    public string StartedLine => $"nREPL server started on port {Port} on host {Host} - nrepl://{(Options.Bind.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Host}]" : Host)}:{Port}";

    /// <summary>Where .nrepl-port was written, or null.</summary>
    public string? PortFile { get; private set; }

    internal SessionTable Sessions { get; } = new();

    /// <summary>The pool's slots, for tests and diagnostics (worker process ids, restart counts).</summary>
    internal IReadOnlyList<WorkerSlot> Slots => pool.Slots;

    /// <summary>Telemetry of the supervision tree.</summary>
    public EventBus Events => events;

    public static async Task<NreplServer> StartAsync(NreplServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (EngineKinds.Problem(options.Engine) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var server = new NreplServer(options);
        try
        {
            await server.StartTreeAsync().ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    private async Task StartTreeAsync()
    {
        listener.Server.NoDelay = true;
        listener.Start(512);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;

        // From here the port takes connections: the kernel queues them (backlog 512) until the
        // listener below accepts them, so editors may be told now rather than after the tree has
        // started. A failed start removes the file again (DisposeAsync).
        if (Options.PortFileDirectory is { } directory)
        {
            PortFile = Path.Combine(directory, PortFileName);
            File.WriteAllText(PortFile, Port.ToString(CultureInfo.InvariantCulture));
        }

        Options.Listening?.Invoke(this);

        // If the pool itself is restarted it comes back empty (as in OTP); start its workers again.
        poolRestarts = events.Subscribe<ChildStarted>(e =>
        {
            if (e.ChildId == WorkerPool.Name && e.IsRestart)
            {
                _ = pool.StartWorkersAsync(registry);
            }
        });
        var table = Sessions;
        supervisor = await Supervisor.StartAsync(
            new SupervisorOptions { Name = "nrepl-server", Events = events },
            [
                ChildSpec.ForGenServer("session-registry", _ => new SessionRegistry(table), new GenServerOptions { Name = "session-registry", Registry = registry }),
                pool.Spec(registry),
                ChildSpec.FromTask("listener", AcceptLoopAsync),
            ]).ConfigureAwait(false);

        // The port is open now; requests wait for their worker (WorkerSlot.CurrentAsync), so
        // editors can connect while the first worker is still starting.
        _ = pool.StartWorkersAsync(registry);
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping.Token);
        while (!linked.IsCancellationRequested)
        {
            var socket = await listener.AcceptSocketAsync(linked.Token).ConfigureAwait(false);
            _ = ServeAsync(socket, linked.Token);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken ct)
    {
        var connection = new ClientConnection(Transport.Over(socket, Options.MessageLimits), this);
        await using (connection.ConfigureAwait(false))
        {
            await connection.RunAsync(ct).ConfigureAwait(false);
        }
    }

    internal string NextWorkerId() => "e" + Interlocked.Increment(ref nextWorkerId).ToString(CultureInfo.InvariantCulture);

    internal async Task<ServerSession> CreateSessionAsync(string engine, IReadOnlyList<string> journal, CancellationToken ct)
    {
        var session = new ServerSession(WorkerPool.NewSessionId(), engine, pool.Assign(), journal);
        await session.Slot.OpenSessionAsync(session, ct).ConfigureAwait(false);
        await Registry().Call(new SessionRegistry.Add(session), cancellationToken: ct).ConfigureAwait(false);
        return session;
    }

    internal async Task CloseSessionAsync(ServerSession session)
    {
        await Registry().Call(new SessionRegistry.Remove(session.Id)).ConfigureAwait(false);
        await session.Slot.CloseSessionAsync(session).ConfigureAwait(false);
    }

    private GenServerRef Registry() =>
        registry.WhereIs<GenServerRef>("session-registry") ?? throw new InvalidOperationException("the session registry is not running");

    private async Task NotifyAsync(ServerSession session, string text)
    {
        if (session.LastRequest is var (connection, messageId))
        {
            await connection.SendAsync(Message.Create(("id", messageId), ("session", session.Id), ("err", text))).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        if (supervisor is not null)
        {
            await supervisor.StopAsync().ConfigureAwait(false);
        }

        poolRestarts?.Dispose();
        if (PortFile is not null)
        {
            File.Delete(PortFile);
        }

        pool.Dispose();
        events.Dispose();
        stopping.Dispose();
    }
}
