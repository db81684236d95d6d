using System.Threading.Channels;

namespace Zylisp.Rely;

/// <summary>
/// An OTP supervisor. One task owns all state and handles one message at a time: child exits,
/// backoff timers and the public operations, which are queued as commands. Children start in
/// order and stop in reverse order; each gets its shutdown timeout and is then killed.
/// </summary>
public sealed class Supervisor : IProcess
{
    private readonly Channel<Message> mailbox = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<ExitReason> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource killSource = new();
    private readonly List<ChildRecord> children = [];
    private readonly HashSet<ITimer> timers = [];
    private readonly SupervisorOptions options;
    private readonly TimeProvider time;
    private readonly long startTimestamp;
    private RestartWindow window = RestartWindow.Empty;
    private ExitReason? exitReason;

    private Supervisor(SupervisorOptions options)
    {
        this.options = options;
        time = options.Time ?? TimeProvider.System;
        Events = options.Events ?? new EventBus();
        Name = options.Name ?? "supervisor";
        startTimestamp = time.GetTimestamp();
    }

    public Pid Pid { get; } = Pid.Next();

    public string Name { get; }

    public SupervisorStrategy Strategy => options.Strategy;

    /// <summary>The bus this supervisor publishes telemetry on.</summary>
    public EventBus Events { get; }

    public Task<ExitReason> Completion => exit.Task;

    /// <summary>
    /// Starts the supervisor and its children in order. If a child fails to start, the ones
    /// already started are stopped in reverse order and this throws <see cref="SupervisorException"/>.
    /// </summary>
    public static async Task<Supervisor> StartAsync(SupervisorOptions options, IReadOnlyList<ChildSpec>? children = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var specs = children ?? [];
        Validate(options, specs);
        var supervisor = new Supervisor(options);
        if (options.Registry is { } registry && !registry.TryRegister(supervisor.Name, supervisor))
        {
            throw new SupervisorException(SupervisorError.AlreadyStarted, $"the name '{supervisor.Name}' is already registered");
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(() => supervisor.RunAsync(specs, started));
        await started.Task.ConfigureAwait(false);
        return supervisor;
    }

    private static void Validate(SupervisorOptions options, IReadOnlyList<ChildSpec> specs)
    {
        options.Intensity.Validate();
        options.Template?.Validate();
        foreach (var spec in specs)
        {
            spec.Validate();
        }
        if (options.Strategy == SupervisorStrategy.SimpleOneForOne)
        {
            if (options.Template is null)
            {
                throw new ArgumentException("a SimpleOneForOne supervisor needs SupervisorOptions.Template", nameof(options));
            }
            if (specs.Count > 0)
            {
                throw new ArgumentException("a SimpleOneForOne supervisor starts with no children; add them with StartChild(argument)", nameof(specs));
            }
        }
        else if (options.Template is not null)
        {
            throw new ArgumentException($"SupervisorOptions.Template applies only to SimpleOneForOne, not {options.Strategy}", nameof(options));
        }
        var duplicate = specs.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two children have the id '{duplicate.Key}'", nameof(specs));
        }
    }

    // ----- public operations: each runs on the supervisor's own task -----

    /// <summary>Adds and starts a child (not for SimpleOneForOne).</summary>
    public Task<IProcess> StartChild(ChildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        return Invoke(async () =>
        {
            RequireStatic("StartChild(spec)");
            var existing = Find(spec.Id);
            if (existing is not null)
            {
                throw existing.Process is null
                    ? new SupervisorException(SupervisorError.AlreadyPresent, $"child '{spec.Id}' is already present")
                    : new SupervisorException(SupervisorError.AlreadyStarted, $"child '{spec.Id}' is already started");
            }
            var record = new ChildRecord(spec, null, dynamic: false);
            await StartOrThrow(record, isRestart: false).ConfigureAwait(false);
            children.Add(record);
            return record.Process!;
        });
    }

    /// <summary>Starts a SimpleOneForOne child from the template, passing <paramref name="argument"/> to its start function.</summary>
    public Task<IProcess> StartChild(object? argument = null) =>
        Invoke(async () =>
        {
            if (options.Template is null)
            {
                throw new SupervisorException(SupervisorError.WrongStrategy, $"StartChild(argument) needs a SimpleOneForOne supervisor; '{Name}' is {Strategy}");
            }
            var record = new ChildRecord(options.Template, argument, dynamic: true);
            await StartOrThrow(record, isRestart: false).ConfigureAwait(false);
            children.Add(record);
            return record.Process!;
        });

    /// <summary>Stops a child; its spec is kept unless it is temporary.</summary>
    public Task TerminateChild(string id) =>
        Invoke(async () =>
        {
            RequireStatic("TerminateChild(id)");
            var record = Find(id) ?? throw NotFound(id);
            await TerminateAndForget(record).ConfigureAwait(false);
            return true;
        });

    /// <summary>Stops the child with this pid; dynamic and temporary children are removed.</summary>
    public Task TerminateChild(Pid pid) =>
        Invoke(async () =>
        {
            var record = children.Find(r => r.Process?.Pid == pid) ?? throw NotFound(pid.ToString());
            await TerminateAndForget(record).ConfigureAwait(false);
            return true;
        });

    /// <summary>Starts a stopped child again from its kept spec.</summary>
    public Task<IProcess> RestartChild(string id) =>
        Invoke(async () =>
        {
            RequireStatic("RestartChild");
            var record = Find(id) ?? throw NotFound(id);
            if (record.Process is not null)
            {
                throw new SupervisorException(SupervisorError.Running, $"child '{id}' is running");
            }
            await StartOrThrow(record, isRestart: true).ConfigureAwait(false);
            return record.Process!;
        });

    /// <summary>Removes a stopped child's spec.</summary>
    public Task DeleteChild(string id) =>
        Invoke(() =>
        {
            RequireStatic("DeleteChild");
            var record = Find(id) ?? throw NotFound(id);
            if (record.Process is not null || record.PendingRestart)
            {
                throw new SupervisorException(SupervisorError.Running, $"child '{id}' is running or restarting; terminate it first");
            }
            children.Remove(record);
            return Task.FromResult(true);
        });

    /// <summary>Every child, in start order.</summary>
    public Task<IReadOnlyList<ChildInfo>> WhichChildren() =>
        Invoke(() => Task.FromResult<IReadOnlyList<ChildInfo>>(children.Select(r => r.Describe()).ToList()));

    public Task<ChildCounts> CountChildren() =>
        Invoke(() => Task.FromResult(new ChildCounts(
            children.Count,
            children.Count(r => r.Process is not null),
            children.Count(r => r.Spec.Type == ChildType.Supervisor),
            children.Count(r => r.Spec.Type == ChildType.Worker))));

    /// <summary>Stops every child in reverse order, then exits with <c>shutdown</c>.</summary>
    public async Task<ExitReason> StopAsync()
    {
        Stop(ExitReason.Shutdown);
        return await Completion.ConfigureAwait(false);
    }

    public void Stop(ExitReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        mailbox.Writer.TryWrite(new StopRequest(reason));
    }

    /// <summary>Kills every child at once, without waiting for shutdown timeouts, then exits with <c>killed</c>.</summary>
    public void Kill()
    {
        killSource.Cancel();
        mailbox.Writer.TryWrite(new StopRequest(ExitReason.Killed));
    }

    private async Task<T> Invoke<T>(Func<Task<T>> action)
    {
        var reply = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!mailbox.Writer.TryWrite(new Command(async () => await action().ConfigureAwait(false), reply)))
        {
            throw Exited();
        }
        // Waiting on the exit too means a caller can never hang on a supervisor that died.
        await Task.WhenAny(reply.Task, exit.Task).ConfigureAwait(false);
        if (!reply.Task.IsCompleted)
        {
            throw Exited();
        }
        return (T)(await reply.Task.ConfigureAwait(false))!;
    }

    private SupervisorException Exited() =>
        new(SupervisorError.SupervisorExited, $"supervisor '{Name}' {Pid} has exited{(exit.Task.IsCompleted ? $": {exit.Task.Result}" : "")}");

    private static SupervisorException NotFound(string what) => new(SupervisorError.NotFound, $"no child '{what}'");

    private void RequireStatic(string operation)
    {
        if (Strategy == SupervisorStrategy.SimpleOneForOne)
        {
            throw new SupervisorException(SupervisorError.WrongStrategy, $"{operation} is not supported by a SimpleOneForOne supervisor");
        }
    }

    private ChildRecord? Find(string id) => children.Find(r => r.Spec.Id == id);

    // ----- the supervisor's task -----

    private async Task RunAsync(IReadOnlyList<ChildSpec> specs, TaskCompletionSource started)
    {
        ExitReason reason;
        Exception? startFailure = null;
        try
        {
            foreach (var spec in specs)
            {
                var record = new ChildRecord(spec, null, dynamic: false);
                await StartOrThrow(record, isRestart: false).ConfigureAwait(false);
                children.Add(record);
            }
            Events.Publish(new SupervisorStarted(Name, Pid));
            started.TrySetResult();
            reason = await LoopAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            reason = ExitReason.FromException(e);
            startFailure = e as SupervisorException
                ?? new SupervisorException(SupervisorError.StartFailed, $"supervisor '{Name}' failed: {e.Message}", e);
        }
        await TerminateAll().ConfigureAwait(false);
        // A failed start is reported only once the children already started have been stopped.
        if (startFailure is not null)
        {
            started.TrySetException(startFailure);
        }
        Finish(reason);
    }

    private async Task<ExitReason> LoopAsync()
    {
        while (await mailbox.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (mailbox.Reader.TryRead(out var message))
            {
                switch (message)
                {
                    case Command command:
                        try
                        {
                            command.Reply.TrySetResult(await command.Run().ConfigureAwait(false));
                        }
                        catch (Exception e)
                        {
                            command.Reply.TrySetException(e);
                        }
                        break;
                    case ChildDied died:
                        await HandleChildDied(died).ConfigureAwait(false);
                        break;
                    case RestartTick tick:
                        if (tick.Timer is not null && timers.Remove(tick.Timer))
                        {
                            tick.Timer.Dispose();
                        }
                        await StartDueChildren().ConfigureAwait(false);
                        break;
                    case StopRequest stop:
                        exitReason ??= stop.Reason;
                        break;
                }
                if (exitReason is not null)
                {
                    return exitReason;
                }
            }
        }
        return exitReason ?? ExitReason.Shutdown;
    }

    private void Finish(ExitReason reason)
    {
        mailbox.Writer.TryComplete();
        while (mailbox.Reader.TryRead(out var message))
        {
            if (message is Command command)
            {
                command.Reply.TrySetException(Exited());
            }
        }
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
        timers.Clear();
        Events.Publish(new SupervisorExited(Name, Pid, reason));
        exit.TrySetResult(reason);
    }

    private async Task StartOrThrow(ChildRecord record, bool isRestart)
    {
        try
        {
            await StartRecord(record, isRestart).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Events.Publish(new ChildStartFailed(Name, record.Spec.Id, e));
            throw new SupervisorException(SupervisorError.StartFailed, $"child '{record.Spec.Id}' of '{Name}' failed to start: {e.Message}", e);
        }
    }

    private async Task StartRecord(ChildRecord record, bool isRestart)
    {
        var process = await record.Spec.Start(new ChildStartContext(record.Argument, Events, time)).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the start function of '{record.Spec.Id}' returned null");
        record.Process = process;
        record.PendingRestart = false;
        Events.Publish(new ChildStarted(Name, record.Spec.Id, process.Pid, isRestart));
        _ = MonitorAsync(record, process);
    }

    private async Task MonitorAsync(ChildRecord record, IProcess process)
    {
        var reason = await process.Completion.ConfigureAwait(false);
        mailbox.Writer.TryWrite(new ChildDied(record, process, reason));
    }

    private async Task HandleChildDied(ChildDied died)
    {
        var record = died.Record;
        if (!ReferenceEquals(record.Process, died.Process))
        {
            return; // We stopped it ourselves, or it was already replaced.
        }
        record.Process = null;
        Events.Publish(new ChildExited(Name, record.Spec.Id, died.Process.Pid, died.Reason, ByParent: false));
        var restart = record.Spec.Restart switch
        {
            RestartType.Permanent => true,
            RestartType.Transient => died.Reason.IsAbnormal,
            _ => false,
        };
        if (!restart)
        {
            if (record.LeavesWhenStopped)
            {
                children.Remove(record);
            }
            return;
        }
        await RestartAfterFailure(record, startNow: true).ConfigureAwait(false);
    }

    private TimeSpan Now() => time.GetElapsedTime(startTimestamp);

    /// <summary>Counts the restart against the intensity, stops the siblings the strategy names and schedules them all.</summary>
    private async Task RestartAfterFailure(ChildRecord failed, bool startNow)
    {
        var now = Now();
        window = window.Add(now, options.Intensity, out var exceeded);
        if (exceeded)
        {
            Events.Publish(new SupervisorEscalated(Name, Pid, options.Intensity, failed.Spec.Id));
            var error = new RestartIntensityExceededException(Name, options.Intensity, failed.Spec.Id);
            exitReason ??= new ExitReason(ExitKind.Error, error.Message, "restart-intensity", error);
            return;
        }
        var group = Strategy switch
        {
            SupervisorStrategy.OneForAll => children.ToList(),
            SupervisorStrategy.RestForOne => children.Skip(children.IndexOf(failed)).ToList(),
            _ => [failed],
        };
        for (var i = group.Count - 1; i >= 0; i--)
        {
            var sibling = group[i];
            if (sibling == failed)
            {
                continue;
            }
            if (sibling.Process is not null)
            {
                await TerminateRecord(sibling).ConfigureAwait(false);
            }
            // OTP drops temporary siblings rather than restart them.
            if (sibling.Spec.Restart == RestartType.Temporary)
            {
                children.Remove(sibling);
            }
        }
        failed.OwnRestarts = failed.OwnRestarts.Add(now, options.Intensity, out _);
        var delay = options.Backoff.DelayFor(failed.OwnRestarts.CountAt(now, options.Intensity.Period));
        foreach (var member in group.Where(children.Contains))
        {
            member.PendingRestart = true;
            member.DueAt = now + delay;
        }
        Events.Publish(new ChildRestartScheduled(Name, failed.Spec.Id, delay));
        if (delay > TimeSpan.Zero)
        {
            ScheduleTick(delay);
        }
        else if (startNow)
        {
            await StartDueChildren().ConfigureAwait(false);
        }
        else
        {
            // A restart that failed to start retries through the mailbox, so a child that can never
            // start loops through messages (and the intensity check) rather than recursing.
            mailbox.Writer.TryWrite(new RestartTick(null));
        }
    }

    private void ScheduleTick(TimeSpan delay)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ => mailbox.Writer.TryWrite(new RestartTick(timer)), null, delay, Timeout.InfiniteTimeSpan);
        timers.Add(timer);
    }

    private async Task StartDueChildren()
    {
        var now = Now();
        foreach (var record in children.ToList())
        {
            if (!record.PendingRestart || record.DueAt > now || record.Process is not null || !children.Contains(record))
            {
                continue;
            }
            try
            {
                await StartRecord(record, isRestart: true).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Events.Publish(new ChildStartFailed(Name, record.Spec.Id, e));
                record.PendingRestart = false;
                await RestartAfterFailure(record, startNow: false).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task TerminateRecord(ChildRecord record)
    {
        var process = record.Process!;
        record.Process = null;
        var reason = await ProcessTermination.TerminateAsync(process, record.Spec.ShutdownTimeout, time, killSource.Token).ConfigureAwait(false);
        Events.Publish(new ChildExited(Name, record.Spec.Id, process.Pid, reason, ByParent: true));
    }

    private async Task TerminateAndForget(ChildRecord record)
    {
        record.PendingRestart = false;
        if (record.Process is not null)
        {
            await TerminateRecord(record).ConfigureAwait(false);
        }
        if (record.LeavesWhenStopped)
        {
            children.Remove(record);
        }
    }

    private async Task TerminateAll()
    {
        for (var i = children.Count - 1; i >= 0; i--)
        {
            var record = children[i];
            record.PendingRestart = false;
            if (record.Process is not null)
            {
                await TerminateRecord(record).ConfigureAwait(false);
            }
        }
    }

    private sealed class ChildRecord(ChildSpec spec, object? argument, bool dynamic)
    {
        public ChildSpec Spec { get; } = spec;
        public object? Argument { get; } = argument;
        public bool Dynamic { get; } = dynamic;
        public IProcess? Process { get; set; }
        public bool PendingRestart { get; set; }
        public TimeSpan DueAt { get; set; }
        public RestartWindow OwnRestarts { get; set; } = RestartWindow.Empty;

        /// <summary>A dynamic or temporary child is removed from the list once it stops for good, not kept as stopped.</summary>
        public bool LeavesWhenStopped => Dynamic || Spec.Restart == RestartType.Temporary;

        public ChildInfo Describe() => new(
            Spec.Id,
            Process,
            Process is not null ? ChildState.Running : PendingRestart ? ChildState.Restarting : ChildState.Stopped,
            Spec.Type,
            Spec.Restart);
    }

    private abstract record Message;

    private sealed record Command(Func<Task<object?>> Run, TaskCompletionSource<object?> Reply) : Message;

    private sealed record ChildDied(ChildRecord Record, IProcess Process, ExitReason Reason) : Message;

    private sealed record RestartTick(ITimer? Timer) : Message;

    private sealed record StopRequest(ExitReason Reason) : Message;
}
