namespace Zylisp.Rely;

/// <summary>Configuration of a supervised OS process: what to run and the limits that recycle it.</summary>
public sealed record ProcessWorkerOptions
{
    public ProcessWorkerOptions(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        FileName = fileName;
    }

    public string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Variables to set in the child's environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? WorkingDirectory { get; init; }

    /// <summary>Redirect stdin and stdout (for a request protocol); stderr is always inherited.</summary>
    public bool RedirectStandardStreams { get; init; }

    /// <summary>Kill and restart the worker when its resident set size exceeds this many bytes.</summary>
    public long? MemoryLimitBytes { get; init; }

    public TimeSpan MemoryCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Recycle the worker once <see cref="ProcessWorker.RecordRequest"/> has been called this many times.</summary>
    public int? MaxRequests { get; init; }

    /// <summary>
    /// A caller-supplied ping. Returning false, throwing, or taking longer than
    /// <see cref="HealthCheckTimeout"/> kills and restarts the worker.
    /// </summary>
    public Func<ProcessWorker, CancellationToken, Task<bool>>? HealthCheck { get; init; }

    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan HealthCheckTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Clock for the check intervals and the ping timeout; defaults to the supervisor's.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Names the worker in telemetry.</summary>
    public string Name { get; init; } = "process-worker";

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a limit that cannot work, before any process starts.</summary>
    public ProcessWorkerOptions Validate()
    {
        if (MemoryLimitBytes is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, 0, nameof(MemoryLimitBytes));
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MemoryCheckInterval, TimeSpan.Zero, nameof(MemoryCheckInterval));
        }
        if (MaxRequests is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(max, 0, nameof(MaxRequests));
        }
        if (HealthCheck is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HealthCheckInterval, TimeSpan.Zero, nameof(HealthCheckInterval));
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HealthCheckTimeout, TimeSpan.Zero, nameof(HealthCheckTimeout));
        }
        return this;
    }
}
