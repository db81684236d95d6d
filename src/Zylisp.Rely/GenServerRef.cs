namespace Zylisp.Rely;

/// <summary>The client side of a running generic server: call, cast, send, stop.</summary>
public abstract class GenServerRef : IProcess
{
    public abstract Pid Pid { get; }

    public abstract Task<ExitReason> Completion { get; }

    /// <summary>
    /// Sends <paramref name="request"/> and waits for the reply. Throws <see cref="ServerExitedException"/>
    /// if the server is or becomes dead first, <see cref="CallTimeoutException"/> after
    /// <paramref name="timeout"/> (default: the server's call timeout, 5 s).
    /// </summary>
    public abstract Task<object?> Call(object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Typed form of <see cref="Call(object, TimeSpan?, CancellationToken)"/>.</summary>
    public async Task<TReply> Call<TReply>(object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (TReply)(await Call(request, timeout, cancellationToken).ConfigureAwait(false))!;

    /// <summary>Queues <paramref name="message"/> for <c>HandleCast</c> and returns at once; dropped if the server is dead.</summary>
    public abstract void Cast(object message);

    /// <summary>Queues <paramref name="message"/> for <c>HandleInfo</c>; dropped if the server is dead.</summary>
    public abstract void Send(object message);

    /// <summary>Stops after the message being handled; <c>Terminate</c> runs; queued messages are dropped.</summary>
    public abstract void Stop(ExitReason reason);

    public abstract void Kill();

    /// <summary>Stops with <c>normal</c> and waits for the exit.</summary>
    public async Task<ExitReason> StopAsync()
    {
        Stop(ExitReason.Normal);
        return await Completion.ConfigureAwait(false);
    }
}
