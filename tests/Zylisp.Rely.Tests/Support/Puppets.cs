using System.Collections.Concurrent;

namespace Zylisp.Rely.Tests.Support;

/// <summary>
/// Children a test drives by hand: each start creates a fresh incarnation that runs until the
/// test makes it crash or finish, and every start and stop is recorded in order.
/// </summary>
public sealed class Puppets
{
    private readonly ConcurrentDictionary<string, Incarnation> current = new();
    private readonly ConcurrentQueue<string> journal = new();
    private readonly ConcurrentDictionary<string, int> starts = new();

    /// <summary>"start:a", "stop:a" entries in the order they happened.</summary>
    public IReadOnlyList<string> Journal => journal.ToList();

    public int Starts(string id) => starts.GetValueOrDefault(id);

    public ChildSpec Spec(string id, RestartType restart = RestartType.Permanent, TimeSpan? shutdown = null, bool ignoreStop = false) =>
        new(id, context =>
        {
            var incarnation = new Incarnation(ignoreStop);
            current[id] = incarnation;
            starts.AddOrUpdate(id, 1, (_, n) => n + 1);
            journal.Enqueue($"start:{id}");
            var process = TaskProcess.Start(async token =>
            {
                try
                {
                    await incarnation.RunAsync(token);
                }
                finally
                {
                    journal.Enqueue($"stop:{id}");
                }
            });
            return Task.FromResult<IProcess>(process);
        })
        {
            Restart = restart,
            ShutdownTimeout = shutdown ?? ChildSpec.DefaultShutdownTimeout,
        };

    /// <summary>Makes the live incarnation of <paramref name="id"/> throw.</summary>
    public void Crash(string id) => current[id].Outcome.TrySetException(new InvalidOperationException($"{id} crashed on purpose"));

    /// <summary>Makes the live incarnation of <paramref name="id"/> return normally.</summary>
    public void Finish(string id) => current[id].Outcome.TrySetResult();

    private sealed class Incarnation(bool ignoreStop)
    {
        public TaskCompletionSource Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync(CancellationToken token)
        {
            if (ignoreStop)
            {
                await Outcome.Task;
                return;
            }
            await Outcome.Task.WaitAsync(token);
        }
    }
}
