namespace Zylisp.Rely;

/// <summary>
/// What a child's start function receives: the argument given to
/// <see cref="Supervisor.StartChild(object?)"/> (SimpleOneForOne) and the supervisor's clock and
/// event bus, so nested children share one telemetry stream and one notion of time.
/// </summary>
public sealed record ChildStartContext(object? Argument, EventBus Events, TimeProvider Time);
