using System.Globalization;
using Zylisp.Rely;
using Zylisp.Repl.Server;

namespace Zylisp.Repl.Workers;

/// <summary>
/// The worker pool: a SimpleOneForOne supervisor whose children are worker incarnations, one per
/// <see cref="WorkerSlot"/> (the start argument, reused by every restart). Sessions are pinned to the
/// slot with the fewest sessions when they are created. Sockets live in a private (0700) directory.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    public const string Name = "worker-pool";

    /// <summary>The socket directory's name starts with this (Directory.CreateTempSubdirectory adds a random suffix).</summary>
    public const string DirectoryPrefix = "zylisp-nrepl-";

    private readonly Func<ServerSession, string, Task> notify;

    public WorkerPool(int size, WorkerLauncher launcher, WorkerLimits limits, Func<ServerSession, string, Task> notify)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Launcher = launcher;
        Limits = limits;
        this.notify = notify;
        SocketDirectory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Slots = [.. Enumerable.Range(0, size).Select(i => new WorkerSlot(i, this))];
    }

    public WorkerLauncher Launcher { get; }

    public WorkerLimits Limits { get; }

    public string SocketDirectory { get; }

    public IReadOnlyList<WorkerSlot> Slots { get; }

    /// <summary>The pool supervisor's spec, for the server supervisor's child list.</summary>
    public ChildSpec Spec(Registry registry) => ChildSpec.ForSupervisor(
        Name,
        new SupervisorOptions
        {
            Strategy = SupervisorStrategy.SimpleOneForOne,
            Registry = registry,
            Name = Name,
            // A crash-looping worker is paced, and only many crashes in a short time escalate.
            Intensity = new RestartIntensity(30, TimeSpan.FromSeconds(10)),
            Backoff = new RestartBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5)),
            Template = new ChildSpec("worker", context => ((WorkerSlot)context.Argument!).StartIncarnationAsync(context))
            {
                ShutdownTimeout = TimeSpan.FromSeconds(2),
            },
        },
        []);

    /// <summary>Starts one worker per slot under the (current incarnation of the) pool supervisor.</summary>
    /// <summary>
    /// A first start that fails (say, the worker command cannot run) is retried every second, with
    /// the reason on standard error, until it works or the pool is gone; restarts after that are
    /// the supervisor's.
    /// </summary>
    public async Task StartWorkersAsync(Registry registry)
    {
        foreach (var slot in Slots)
        {
            while (registry.WhereIs<Supervisor>(Name) is { } supervisor)
            {
                try
                {
                    await supervisor.StartChild(slot).ConfigureAwait(false);
                    break;
                }
                catch (SupervisorException e)
                {
                    await Console.Error.WriteLineAsync($"nrepl: worker {slot.Index} failed to start: {e.InnerException?.Message ?? e.Message}").ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                }
            }
        }
    }

    public WorkerSlot Assign() => Slots.MinBy(slot => slot.SessionCount)!;

    public Task NotifyAsync(ServerSession session, string text) => notify(session, text);

    public static string NewSessionId() => Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            Directory.Delete(SocketDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
