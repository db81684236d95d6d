namespace Zylisp.Rely.Tests.Support;

/// <summary>A supervisor under test, with a manual clock, an event log and puppet children.</summary>
public sealed class Harness : IAsyncDisposable
{
    private Harness(Supervisor supervisor, EventLog log, ManualTimeProvider clock, Puppets puppets)
    {
        Supervisor = supervisor;
        Log = log;
        Clock = clock;
        Puppets = puppets;
    }

    public Supervisor Supervisor { get; }

    public EventLog Log { get; }

    public ManualTimeProvider Clock { get; }

    public Puppets Puppets { get; }

    public static async Task<Harness> StartAsync(
        SupervisorStrategy strategy,
        Func<Puppets, IReadOnlyList<ChildSpec>> children,
        RestartIntensity? intensity = null,
        RestartBackoff? backoff = null,
        ChildSpec? template = null,
        Puppets? puppets = null)
    {
        var clock = new ManualTimeProvider();
        var bus = new EventBus();
        var log = new EventLog(bus);
        var dolls = puppets ?? new Puppets();
        var options = new SupervisorOptions
        {
            Strategy = strategy,
            Intensity = intensity ?? RestartIntensity.Default,
            Backoff = backoff ?? RestartBackoff.None,
            Time = clock,
            Events = bus,
            Name = "sup",
            Template = template,
        };
        var supervisor = await Supervisor.StartAsync(options, children(dolls));
        return new Harness(supervisor, log, clock, dolls);
    }

    public async Task<IProcess> ProcessOf(string id) =>
        (await Supervisor.WhichChildren()).Single(c => c.Id == id).Process
            ?? throw new InvalidOperationException($"{id} is not running");

    public async Task<Dictionary<string, Pid?>> Pids() =>
        (await Supervisor.WhichChildren()).ToDictionary(c => c.Id, c => c.Process?.Pid);

    public async Task<Dictionary<string, ChildState>> States() =>
        (await Supervisor.WhichChildren()).ToDictionary(c => c.Id, c => c.State);

    /// <summary>Crashes a child and waits until the supervisor has handled its exit.</summary>
    public Task<Pid> Crash(string id) => Exit(id, crash: true);

    /// <summary>Crashes a child's current incarnation without waiting for the supervisor (for a crash that ends it).</summary>
    public async Task CrashAndForget(string id)
    {
        await ProcessOf(id); // Queued behind any restart in progress, so the live incarnation is crashed.
        Puppets.Crash(id);
    }

    /// <summary>Makes a child return normally and waits until the supervisor has handled it.</summary>
    public Task<Pid> Finish(string id) => Exit(id, crash: false);

    private async Task<Pid> Exit(string id, bool crash)
    {
        var pid = (await ProcessOf(id)).Pid;
        if (crash)
        {
            Puppets.Crash(id);
        }
        else
        {
            Puppets.Finish(id);
        }
        await Log.WaitFor<ChildExited>(e => e.Pid == pid && !e.ByParent, $"exit of {id} {pid}");
        return pid;
    }

    /// <summary>Waits for the supervisor's exit; only a guard against hangs, never a timing check.</summary>
    public Task<ExitReason> Exited() => Supervisor.Completion.WaitAsync(TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        if (!Supervisor.Completion.IsCompleted)
        {
            Supervisor.Kill();
            await Supervisor.Completion;
        }
        Log.Dispose();
        Supervisor.Events.Dispose();
    }
}
