namespace Zylisp.Rely;

/// <summary>Base of every event rely publishes on its <see cref="EventBus"/>; subscribe to this type to see them all.</summary>
public abstract record RelyEvent(string Supervisor);

/// <summary>A supervisor started all its initial children.</summary>
public sealed record SupervisorStarted(string Supervisor, Pid Pid) : RelyEvent(Supervisor);

/// <summary>A supervisor exited; <see cref="Reason"/> is <c>shutdown</c> for an orderly stop.</summary>
public sealed record SupervisorExited(string Supervisor, Pid Pid, ExitReason Reason) : RelyEvent(Supervisor);

/// <summary>A supervisor broke its restart intensity and is failing, escalating to its parent.</summary>
public sealed record SupervisorEscalated(string Supervisor, Pid Pid, RestartIntensity Intensity, string FailedChild) : RelyEvent(Supervisor);

/// <summary>A child process started (first start or restart).</summary>
public sealed record ChildStarted(string Supervisor, string ChildId, Pid Pid, bool IsRestart) : RelyEvent(Supervisor);

/// <summary>A child process exited; <see cref="ByParent"/> says the supervisor stopped it.</summary>
public sealed record ChildExited(string Supervisor, string ChildId, Pid Pid, ExitReason Reason, bool ByParent) : RelyEvent(Supervisor);

/// <summary>A child's start function threw.</summary>
public sealed record ChildStartFailed(string Supervisor, string ChildId, Exception Error) : RelyEvent(Supervisor);

/// <summary>The supervisor decided to restart a child, after <see cref="Delay"/> of backoff.</summary>
public sealed record ChildRestartScheduled(string Supervisor, string ChildId, TimeSpan Delay) : RelyEvent(Supervisor);

/// <summary>An OS-process worker crossed a limit or failed a health check and is being killed.</summary>
public sealed record ProcessWorkerTripped(string Supervisor, Pid Pid, int OsProcessId, ExitReason Reason) : RelyEvent(Supervisor);

/// <summary>An event-bus subscriber threw; the subscription stays alive.</summary>
public sealed record SubscriberFailed(string EventType, Exception Error) : RelyEvent("event-bus");
