namespace Zylisp.Rely;

/// <summary>
/// The callbacks of an OTP generic server. A server owns a <typeparamref name="TState"/> that only
/// its own task touches: messages are handled one at a time from one mailbox. A callback that
/// throws stops the server with the exception as its exit reason (after <see cref="Terminate"/>).
/// Start one with <see cref="GenServer.StartAsync{TState}"/>.
/// </summary>
public abstract class GenServer<TState>
{
    private PendingReply? currentCall;

    /// <summary>
    /// Inside <see cref="HandleCall"/>: takes over answering the current call, so the handler can
    /// return <see cref="CallResult.NoReply{TState}"/>, keep serving other messages, and answer
    /// later with <see cref="PendingReply.Send"/> (OTP's <c>noreply</c> plus <c>gen_server:reply</c>).
    /// </summary>
    protected PendingReply TakeReply() =>
        currentCall ?? throw new InvalidOperationException("TakeReply is only valid inside HandleCall");

    internal void BeginCall(PendingReply reply) => currentCall = reply;

    internal void EndCall() => currentCall = null;

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
