namespace Zylisp.Rely;

/// <summary>Everything that configures a supervisor, in one place.</summary>
public sealed record SupervisorOptions
{
    public SupervisorStrategy Strategy { get; init; } = SupervisorStrategy.OneForOne;

    public RestartIntensity Intensity { get; init; } = RestartIntensity.Default;

    public RestartBackoff Backoff { get; init; } = RestartBackoff.Default;

    /// <summary>Names the supervisor in telemetry. Defaults to the child id when nested, else "supervisor".</summary>
    public string? Name { get; init; }

    /// <summary>Clock for intensity, backoff and shutdown timeouts; tests inject a manual one. Defaults to the system clock.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Where telemetry goes. Defaults to a private bus.</summary>
    public EventBus? Events { get; init; }

    /// <summary>
    /// When set, the supervisor registers itself under <see cref="Name"/> before starting its
    /// children, so a host finds the current incarnation (say, a worker pool) after restarts.
    /// </summary>
    public Registry? Registry { get; init; }

    /// <summary>The template every child is started from; required for SimpleOneForOne and only for it.</summary>
    public ChildSpec? Template { get; init; }
}
