using Zylisp.Rely;

namespace Zylisp.Repl.Workers;

/// <summary>How a worker incarnation is started: the command line of `zylisp worker`, or in-process for tests and embedding.</summary>
public abstract record WorkerLauncher
{
    /// <summary>Starts a worker that will listen on <paramref name="socketPath"/>.</summary>
    internal abstract IProcess Start(string socketPath, WorkerLimits limits, Func<ProcessWorker, CancellationToken, Task<bool>> healthCheck, ChildStartContext context);

    /// <summary>Runs <c>FILE ARGS… worker --socket PATH</c> as a supervised OS process.</summary>
    public static WorkerLauncher Process(string fileName, params string[] leadingArguments) => new ProcessLauncher(fileName, leadingArguments);

    /// <summary>As <see cref="Process(string, string[])"/>, with extra environment variables for the worker (tests switch on WorkerTestHooks).</summary>
    public static WorkerLauncher Process(string fileName, IReadOnlyDictionary<string, string> environment, params string[] leadingArguments) =>
        new ProcessLauncher(fileName, leadingArguments) { ExtraEnvironment = environment };

    /// <summary>
    /// This very program: the apphost (<c>zylisp worker</c>) or <c>dotnet zylisp.dll worker</c>,
    /// whichever started the current process. A <paramref name="warm"/> worker runs its eval path
    /// before it listens, and its runtime optimizes hot methods without the start-up delay
    /// (docs/design/nrepl.md, "Warm from the first eval"): for <c>zylisp nrepl</c>, whose clients
    /// time their evals. The terminal REPL's private server leaves it off, so that its worker
    /// takes less of the machine while the terminal draws its first prompt.
    /// </summary>
    public static WorkerLauncher CurrentProgram(bool warm = false)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" && entry is { Length: > 0 }
            ? new ProcessLauncher(host, [entry]) { Warm = warm }
            : new ProcessLauncher(host, []) { Warm = warm };
    }

    /// <summary>Workers as tasks in this process: no isolation, for tests of the protocol and for embedding.</summary>
    public static WorkerLauncher InProcess { get; } = new InProcessLauncher();

    private sealed record ProcessLauncher(string FileName, IReadOnlyList<string> LeadingArguments) : WorkerLauncher
    {
        public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();

        public bool Warm { get; init; }

        internal override IProcess Start(string socketPath, WorkerLimits limits, Func<ProcessWorker, CancellationToken, Task<bool>> healthCheck, ChildStartContext context)
        {
            var environment = new Dictionary<string, string?>(ExtraEnvironment.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))
            {
                // Workers are short-lived and many; no need to warm the JIT's profile.
                ["DOTNET_TieredPGO"] = "0",
                ["DOTNET_gcServer"] = "0",
            };
            if (Warm)
            {
                AddWarmUpSettings(environment);
            }

            var options = new ProcessWorkerOptions(FileName)
            {
                Arguments = [.. LeadingArguments, "worker", "--socket", socketPath],
                Name = "nrepl-worker",
                MemoryLimitBytes = limits.MemoryLimitBytes,
                MemoryCheckInterval = limits.MemoryCheckInterval,
                MaxRequests = limits.MaxRequests,
                HealthCheck = healthCheck,
                HealthCheckInterval = limits.HealthCheckInterval,
                HealthCheckTimeout = limits.HealthCheckTimeout,
                Time = context.Time,
                Environment = environment,
            };
            return ProcessWorker.Start(options, context.Events);
        }
    }

    /// <summary>
    /// The runtime optimizes a method once it has been called 30 times, but only counts calls once
    /// 100 ms have passed without a method being compiled for the first time; a server that keeps
    /// meeting new code keeps postponing it, and the eval path ran unoptimized for the first
    /// thousand or so evals. A delay of 0 counts from the start. A value the user chose is kept,
    /// as is <see cref="WorkerWarmUp.SwitchVariable"/>=0 (cold workers, for measurements).
    /// </summary>
    private static void AddWarmUpSettings(Dictionary<string, string?> environment)
    {
        environment.TryAdd(CallCountingDelay, Environment.GetEnvironmentVariable(CallCountingDelay) ?? "0");
        environment.TryAdd(WorkerWarmUp.SwitchVariable, Environment.GetEnvironmentVariable(WorkerWarmUp.SwitchVariable) ?? "1");
    }

    private const string CallCountingDelay = "DOTNET_TC_CallCountingDelayMs";

    private sealed record InProcessLauncher : WorkerLauncher
    {
        internal override IProcess Start(string socketPath, WorkerLimits limits, Func<ProcessWorker, CancellationToken, Task<bool>> healthCheck, ChildStartContext context) =>
            TaskProcess.Start(ct => WorkerHost.RunAsync(socketPath, ct));
    }
}

/// <summary>The limits that recycle a worker (docs/design/nrepl.md): resident memory, requests served, health ping.</summary>
public sealed record WorkerLimits
{
    public long? MemoryLimitBytes { get; init; } = 500L * 1024 * 1024;

    public TimeSpan MemoryCheckInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int? MaxRequests { get; init; } = 1_000_000;

    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan HealthCheckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an interrupted eval may keep running before its worker is killed and restarted.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a starting worker may take to accept the server's connection.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
