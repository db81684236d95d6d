using System.Diagnostics;

namespace Zylisp.Rely;

/// <summary>
/// A supervised OS process. It exits (and so gets restarted by its supervisor) when the OS
/// process exits, when its resident set size crosses the memory limit, when it has served its
/// maximum number of requests, or when a health check fails. On a limit or a kill the whole
/// process tree is killed; the <see cref="Process"/> object is always disposed on exit so
/// restarts leak no handles.
/// </summary>
public sealed class ProcessWorker : IProcess
{
    private readonly Process process;
    private readonly ProcessWorkerOptions options;
    private readonly EventBus? events;
    private readonly TimeProvider time;
    private readonly TaskCompletionSource<ExitReason> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object gate = new();
    private readonly List<ITimer> timers = [];
    private readonly CancellationTokenSource lifetime = new();
    private ExitReason? requestedReason;
    private bool exited;
    private int requestCount;
    private int memoryCheckRunning;
    private int healthCheckRunning;
    private long lastResidentSetBytes = -1;

    private ProcessWorker(Process process, ProcessWorkerOptions options, EventBus? events)
    {
        this.process = process;
        this.options = options;
        this.events = events;
        time = options.Time ?? TimeProvider.System;
        OsProcessId = process.Id;
        if (options.RedirectStandardStreams)
        {
            StandardInput = process.StandardInput;
            StandardOutput = process.StandardOutput;
        }
    }

    public Pid Pid { get; } = Pid.Next();

    public Task<ExitReason> Completion => exit.Task;

    /// <summary>The operating system's id for the process.</summary>
    public int OsProcessId { get; }

    /// <summary>The child's stdin, when <see cref="ProcessWorkerOptions.RedirectStandardStreams"/> is set.</summary>
    public StreamWriter? StandardInput { get; }

    /// <summary>The child's stdout, when <see cref="ProcessWorkerOptions.RedirectStandardStreams"/> is set.</summary>
    public StreamReader? StandardOutput { get; }

    /// <summary>Requests served so far, as counted by <see cref="RecordRequest"/>.</summary>
    public int RequestCount => Volatile.Read(ref requestCount);

    /// <summary>Resident set size at the last memory check, or -1 before the first.</summary>
    public long LastResidentSetBytes => Interlocked.Read(ref lastResidentSetBytes);

    /// <summary>Starts the OS process; throws if it cannot be started.</summary>
    public static ProcessWorker Start(ProcessWorkerOptions options, EventBus? events = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var info = new ProcessStartInfo(options.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = options.RedirectStandardStreams,
            RedirectStandardOutput = options.RedirectStandardStreams,
            WorkingDirectory = options.WorkingDirectory ?? "",
        };
        foreach (var argument in options.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        var worker = new ProcessWorker(process, options, events);
        worker.Begin();
        return worker;
    }

    private void Begin()
    {
        lock (gate)
        {
            if (options.MemoryLimitBytes is not null)
            {
                timers.Add(time.CreateTimer(_ => CheckMemory(), null, options.MemoryCheckInterval, options.MemoryCheckInterval));
            }
            if (options.HealthCheck is not null)
            {
                timers.Add(time.CreateTimer(_ => _ = CheckHealthAsync(), null, options.HealthCheckInterval, options.HealthCheckInterval));
            }
        }
        _ = WatchExitAsync();
    }

    private async Task WatchExitAsync()
    {
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        ExitReason reason;
        lock (gate)
        {
            exited = true;
            var code = process.ExitCode;
            reason = requestedReason ?? (code == 0
                ? ExitReason.Normal
                : ExitReason.Failure("exit-code", $"{options.FileName} exited with code {code}"));
            foreach (var timer in timers)
            {
                timer.Dispose();
            }
            timers.Clear();
            process.Dispose();
        }
        lifetime.Cancel();
        lifetime.Dispose();
        exit.TrySetResult(reason);
    }

    /// <summary>Counts one served request; reaching <see cref="ProcessWorkerOptions.MaxRequests"/> recycles the worker.</summary>
    public void RecordRequest()
    {
        var count = Interlocked.Increment(ref requestCount);
        if (options.MaxRequests is { } max && count >= max)
        {
            Trip(ExitReason.Failure("request-limit", $"served {count} requests (limit {max})"));
        }
    }

    /// <summary>Reads the resident set size now and trips the memory limit if it is crossed.</summary>
    public void CheckMemory()
    {
        if (Interlocked.Exchange(ref memoryCheckRunning, 1) == 1)
        {
            return;
        }
        try
        {
            long resident;
            lock (gate)
            {
                if (exited)
                {
                    return;
                }
                process.Refresh();
                resident = process.WorkingSet64; // On Linux this is VmRSS.
            }
            Interlocked.Exchange(ref lastResidentSetBytes, resident);
            if (options.MemoryLimitBytes is { } limit && resident > limit)
            {
                Trip(ExitReason.Failure("memory-limit", $"resident set {resident} bytes exceeds limit {limit}"));
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the read; the exit watcher reports it.
        }
        finally
        {
            Volatile.Write(ref memoryCheckRunning, 0);
        }
    }

    /// <summary>Runs the health check once now; a failure kills the worker. Returns whether it passed.</summary>
    public async Task<bool> CheckHealthAsync()
    {
        if (options.HealthCheck is null || Interlocked.Exchange(ref healthCheckRunning, 1) == 1)
        {
            return true;
        }
        try
        {
            CancellationToken token;
            lock (gate)
            {
                if (exited)
                {
                    return true;
                }
                token = lifetime.Token;
            }
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
            string? failure = null;
            try
            {
                if (!await options.HealthCheck(this, attempt.Token).WaitAsync(options.HealthCheckTimeout, time, token).ConfigureAwait(false))
                {
                    failure = "ping answered unhealthy";
                }
            }
            catch (TimeoutException)
            {
                failure = $"ping timed out after {options.HealthCheckTimeout.TotalMilliseconds}ms";
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return true; // The worker exited meanwhile.
            }
            catch (Exception e)
            {
                failure = $"ping threw {e.GetType().Name}: {e.Message}";
            }
            finally
            {
                await attempt.CancelAsync().ConfigureAwait(false);
            }
            if (failure is not null)
            {
                Trip(ExitReason.Failure("health-check", failure));
                return false;
            }
            return true;
        }
        finally
        {
            Volatile.Write(ref healthCheckRunning, 0);
        }
    }

    private void Trip(ExitReason reason)
    {
        if (Request(reason))
        {
            events?.Publish(new ProcessWorkerTripped(options.Name, Pid, OsProcessId, reason));
        }
        KillTree();
    }

    /// <summary>Records the reason the process is going away; the first reason wins.</summary>
    private bool Request(ExitReason reason)
    {
        lock (gate)
        {
            if (requestedReason is not null || exited)
            {
                return false;
            }
            requestedReason = reason;
            return true;
        }
    }

    /// <summary>Sends SIGTERM so the process can clean up; the supervisor kills the tree if it takes too long.</summary>
    public void Stop(ExitReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Request(reason);
        bool signalled;
        lock (gate)
        {
            // HasExited first: once .NET has reaped the child its pid may belong to someone else.
            signalled = !exited && !process.HasExited && NativeMethods.TrySendTerminate(OsProcessId);
        }
        if (!signalled)
        {
            KillTree();
        }
    }

    public void Kill()
    {
        Request(ExitReason.Killed);
        KillTree();
    }

    private void KillTree()
    {
        lock (gate)
        {
            if (exited)
            {
                return;
            }
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Gone between the check and the signal.
            }
        }
    }
}
