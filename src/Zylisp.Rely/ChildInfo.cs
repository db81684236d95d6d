namespace Zylisp.Rely;

/// <summary>Whether a supervised child is up.</summary>
public enum ChildState
{
    Running,
    /// <summary>Waiting out a backoff delay before it starts again (OTP <c>restarting</c>).</summary>
    Restarting,
    /// <summary>Not running and not due to restart; its spec is kept (OTP <c>undefined</c>).</summary>
    Stopped,
}

/// <summary>One row of <see cref="Supervisor.WhichChildren"/>.</summary>
public sealed record ChildInfo(string Id, IProcess? Process, ChildState State, ChildType Type, RestartType Restart);

/// <summary>The reply of <see cref="Supervisor.CountChildren"/>, as in OTP's <c>count_children</c>.</summary>
public sealed record ChildCounts(int Specs, int Active, int Supervisors, int Workers);
