namespace Zylisp.Rely;

/// <summary>
/// The callbacks of an OTP generic server. A server owns a <typeparamref name="TState"/> that only
/// its own task touches: messages are handled one at a time from one mailbox. A callback that
/// throws stops the server with the exception as its exit reason (after <see cref="Terminate"/>).
/// Start one with <see cref="GenServer.StartAsync{TState}"/>.
/// </summary>
public abstract class GenServer<TState>
{
    /// <summary>Builds the initial state. Throwing makes the start fail.</summary>
    protected internal abstract Task<TState> Init(CancellationToken cancellationToken);

    /// <summary>Answers a <see cref="GenServerRef.Call"/>. The default, like OTP's, crashes on an unexpected call.</summary>
    protected internal virtual Task<CallResult<TState>> HandleCall(object request, TState state) =>
        throw new NotSupportedException($"{GetType().Name} got an unexpected call: {request}");

    /// <summary>Handles a <see cref="GenServerRef.Cast"/>. The default, like OTP's, crashes on an unexpected cast.</summary>
    protected internal virtual Task<ServerStep<TState>> HandleCast(object message, TState state) =>
        throw new NotSupportedException($"{GetType().Name} got an unexpected cast: {message}");

    /// <summary>Handles any other message (<see cref="GenServerRef.Send"/>). The default ignores it.</summary>
    protected internal virtual Task<ServerStep<TState>> HandleInfo(object message, TState state) =>
        Task.FromResult(ServerStep.Continue(state));

    /// <summary>Runs once when the server stops for any reason except being killed.</summary>
    protected internal virtual Task Terminate(ExitReason reason, TState state) => Task.CompletedTask;
}

/// <summary>What <see cref="GenServer{TState}.HandleCall"/> returns: a reply, the next state, and optionally a reason to stop.</summary>
public readonly record struct CallResult<TState>(object? Reply, TState State, ExitReason? StopReason);

/// <summary>What cast and info handlers return: the next state, and optionally a reason to stop.</summary>
public readonly record struct ServerStep<TState>(TState State, ExitReason? StopReason);

public static class CallResult
{
    public static CallResult<TState> Reply<TState>(object? reply, TState state) => new(reply, state, null);

    /// <summary>Replies, then stops the server with <paramref name="reason"/>.</summary>
    public static CallResult<TState> Stop<TState>(ExitReason reason, object? reply, TState state) => new(reply, state, reason);
}

public static class ServerStep
{
    public static ServerStep<TState> Continue<TState>(TState state) => new(state, null);

    public static ServerStep<TState> Stop<TState>(ExitReason reason, TState state) => new(state, reason);
}

/// <summary>Starts generic servers.</summary>
public static class GenServer
{
    /// <summary>
    /// Runs <see cref="GenServer{TState}.Init"/> and, once it succeeds, the server's loop. If
    /// <see cref="GenServerOptions.Name"/> is set the server is registered under it in
    /// <see cref="GenServerOptions.Registry"/> before any message is handled.
    /// </summary>
    public static Task<GenServerRef> StartAsync<TState>(GenServer<TState> server, GenServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        return GenServerProcess<TState>.StartAsync(server, options ?? new GenServerOptions(), cancellationToken);
    }
}
