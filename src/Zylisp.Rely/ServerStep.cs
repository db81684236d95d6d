namespace Zylisp.Rely;

/// <summary>What cast and info handlers return: the next state, and optionally a reason to stop.</summary>
public readonly record struct ServerStep<TState>(TState State, ExitReason? StopReason);

public static class ServerStep
{
    public static ServerStep<TState> Continue<TState>(TState state) => new(state, null);

    public static ServerStep<TState> Stop<TState>(ExitReason reason, TState state) => new(state, reason);
}
