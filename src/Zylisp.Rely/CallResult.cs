namespace Zylisp.Rely;

/// <summary>What <see cref="GenServer{TState}.HandleCall"/> returns: a reply, the next state, and optionally a reason to stop.</summary>
public readonly record struct CallResult<TState>(object? Reply, TState State, ExitReason? StopReason, bool Deferred = false);

public static class CallResult
{
    public static CallResult<TState> Reply<TState>(object? reply, TState state) => new(reply, state, null);

    /// <summary>Sends no reply now; the handler took the reply with <c>TakeReply</c> and answers later.</summary>
    public static CallResult<TState> NoReply<TState>(TState state) => new(null, state, null, Deferred: true);

    /// <summary>Replies, then stops the server with <paramref name="reason"/>.</summary>
    public static CallResult<TState> Stop<TState>(ExitReason reason, object? reply, TState state) => new(reply, state, reason);
}
