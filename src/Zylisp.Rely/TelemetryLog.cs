using System.Globalization;

namespace Zylisp.Rely;

/// <summary>Writes every rely telemetry event as one line, so hosts can log without static loggers.</summary>
public static class TelemetryLog
{
    /// <summary>Subscribes a line writer to <paramref name="events"/>; dispose the result to stop logging.</summary>
    public static IDisposable Attach(EventBus events, TextWriter writer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(writer);
        var clock = time ?? TimeProvider.System;
        return events.Subscribe<RelyEvent>(e =>
        {
            lock (writer)
            {
                writer.WriteLine(Format(e, clock.GetUtcNow()));
            }
        });
    }

    public static string Format(RelyEvent e, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(e);
        var stamp = at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var text = e switch
        {
            SupervisorStarted s => $"supervisor {s.Supervisor} {s.Pid} started",
            SupervisorExited s => $"supervisor {s.Supervisor} {s.Pid} exited: {s.Reason}",
            SupervisorEscalated s => $"supervisor {s.Supervisor} {s.Pid} escalates: more than {s.Intensity.MaxRestarts} restarts in {s.Intensity.Period.TotalSeconds}s (last: {s.FailedChild})",
            ChildStarted c => $"{c.Supervisor}/{c.ChildId} {c.Pid} {(c.IsRestart ? "restarted" : "started")}",
            ChildExited c => $"{c.Supervisor}/{c.ChildId} {c.Pid} exited{(c.ByParent ? " (stopped by supervisor)" : "")}: {c.Reason}",
            ChildStartFailed c => $"{c.Supervisor}/{c.ChildId} failed to start: {c.Error.Message}",
            ChildRestartScheduled c => $"{c.Supervisor}/{c.ChildId} restart in {c.Delay.TotalMilliseconds}ms",
            ProcessWorkerTripped p => $"{p.Supervisor} os-process {p.OsProcessId} {p.Pid} tripped: {p.Reason}",
            SubscriberFailed f => $"event-bus subscriber for {f.EventType} threw: {f.Error.Message}",
            _ => e.ToString(),
        };
        return $"{stamp} rely: {text}";
    }
}
