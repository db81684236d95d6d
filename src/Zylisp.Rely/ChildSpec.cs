namespace Zylisp.Rely;

/// <summary>
/// How to start and restart one child (OTP's child specification). The start function must
/// return a running process or throw; a throw is a start failure.
/// </summary>
public sealed record ChildSpec
{
    /// <summary>OTP's default worker shutdown timeout.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(5);

    public ChildSpec(string id, Func<ChildStartContext, Task<IProcess>> start)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(start);
        Id = id;
        Start = start;
    }

    /// <summary>Unique among the supervisor's children.</summary>
    public string Id { get; init; }

    public Func<ChildStartContext, Task<IProcess>> Start { get; init; }

    public RestartType Restart { get; init; } = RestartType.Permanent;

    /// <summary>
    /// How long the child may take to stop before it is killed. <see cref="TimeSpan.Zero"/> kills at
    /// once (OTP <c>brutal_kill</c>); <see cref="Timeout.InfiniteTimeSpan"/> waits forever (OTP <c>infinity</c>).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = DefaultShutdownTimeout;

    public ChildType Type { get; init; } = ChildType.Worker;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a shutdown timeout that is neither ≥ 0 nor infinite.</summary>
    public ChildSpec Validate()
    {
        if (ShutdownTimeout < TimeSpan.Zero && ShutdownTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, $"child '{Id}': a shutdown timeout must be zero or more, or Timeout.InfiniteTimeSpan");
        }
        return this;
    }

    /// <summary>A worker whose body is an async function; see <see cref="TaskProcess"/>.</summary>
    public static ChildSpec FromTask(string id, Func<CancellationToken, Task> body, RestartType restart = RestartType.Permanent) =>
        new(id, _ => Task.FromResult<IProcess>(TaskProcess.Start(body))) { Restart = restart };

    /// <summary>
    /// A worker whose body also gets the start argument, the shape a SimpleOneForOne template needs.
    /// </summary>
    public static ChildSpec FromTask(string id, Func<object?, CancellationToken, Task> body, RestartType restart = RestartType.Permanent) =>
        new(id, context => Task.FromResult<IProcess>(TaskProcess.Start(token => body(context.Argument, token)))) { Restart = restart };

    /// <summary>A nested supervisor. It inherits the parent's clock and bus unless its options set them.</summary>
    public static ChildSpec ForSupervisor(string id, SupervisorOptions options, IReadOnlyList<ChildSpec> children, RestartType restart = RestartType.Permanent)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChildSpec(id, async context =>
        {
            var inherited = options with
            {
                Name = options.Name ?? id,
                Time = options.Time ?? context.Time,
                Events = options.Events ?? context.Events,
            };
            return await Supervisor.StartAsync(inherited, children).ConfigureAwait(false);
        })
        {
            Restart = restart,
            Type = ChildType.Supervisor,
            ShutdownTimeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>A GenServer built afresh by <paramref name="factory"/> on every (re)start.</summary>
    public static ChildSpec ForGenServer<TState>(string id, Func<ChildStartContext, GenServer<TState>> factory, GenServerOptions? options = null, RestartType restart = RestartType.Permanent)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new ChildSpec(id, async context =>
        {
            var effective = (options ?? new GenServerOptions()) with { Time = options?.Time ?? context.Time };
            return await GenServer.StartAsync(factory(context), effective).ConfigureAwait(false);
        })
        { Restart = restart };
    }

    /// <summary>
    /// An OS process. With a SimpleOneForOne template, a <see cref="ProcessWorkerOptions"/> passed as
    /// the start argument overrides <paramref name="options"/>.
    /// </summary>
    public static ChildSpec ForProcessWorker(string id, ProcessWorkerOptions options, RestartType restart = RestartType.Permanent)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChildSpec(id, context =>
        {
            var chosen = context.Argument as ProcessWorkerOptions ?? options;
            var effective = chosen with { Time = chosen.Time ?? context.Time };
            return Task.FromResult<IProcess>(ProcessWorker.Start(effective, context.Events));
        })
        { Restart = restart };
    }
}
