using System.Text;

namespace Zylisp.Rely.Tests.Support;

/// <summary>
/// Records a bus's telemetry and lets a test wait for a condition on it. The wait has a generous
/// real-time guard only so a broken build fails instead of hanging; no test asserts on timing.
/// </summary>
public sealed class EventLog : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private readonly object gate = new();
    private readonly List<RelyEvent> events = [];
    private readonly List<(Func<IReadOnlyList<RelyEvent>, bool> Condition, TaskCompletionSource Done)> waiters = [];
    private readonly IDisposable subscription;

    public EventLog(EventBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        subscription = bus.Subscribe<RelyEvent>(Add, capacity: 1_000_000);
    }

    public IReadOnlyList<RelyEvent> Snapshot()
    {
        lock (gate)
        {
            return events.ToList();
        }
    }

    public IReadOnlyList<T> OfType<T>() => Snapshot().OfType<T>().ToList();

    private void Add(RelyEvent e)
    {
        lock (gate)
        {
            events.Add(e);
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Condition(events))
                {
                    waiters[i].Done.TrySetResult();
                    waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds over everything logged so far.</summary>
    public async Task WaitUntil(Func<IReadOnlyList<RelyEvent>, bool> condition, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (condition(events))
            {
                return;
            }
            waiters.Add((condition, done));
        }
        try
        {
            await done.Task.WaitAsync(HangGuard);
        }
        catch (TimeoutException)
        {
            var log = new StringBuilder();
            foreach (var e in Snapshot())
            {
                log.AppendLine(e.ToString());
            }
            throw new TimeoutException($"never saw: {what}\nevents:\n{log}");
        }
    }

    /// <summary>Waits for the first event of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool> match, string what) where T : RelyEvent
    {
        await WaitUntil(list => list.OfType<T>().Any(match), what);
        return OfType<T>().First(match);
    }

    /// <summary>Waits for the supervisor-exit event, after which every earlier event of that supervisor is logged.</summary>
    public Task<SupervisorExited> WaitForExit(Supervisor supervisor) =>
        WaitFor<SupervisorExited>(e => e.Pid == supervisor.Pid, $"exit of {supervisor.Name}");

    /// <summary>Polls a condition that no event announces (a clock's timers, a writer's text).</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (guard.Elapsed > HangGuard)
            {
                throw new TimeoutException($"never became true: {what}");
            }
            await Task.Delay(1);
        }
    }

    public void Dispose() => subscription.Dispose();
}
