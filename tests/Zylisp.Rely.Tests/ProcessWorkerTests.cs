using System.Diagnostics;
using Zylisp.Rely.Tests.Support;

namespace Zylisp.Rely.Tests;

/// <summary>Real child processes (/bin/sh, sleep). These need Linux's /proc and do nothing elsewhere.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class ProcessWorkerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static ProcessWorkerOptions Shell(string script) => new("/bin/sh") { Arguments = ["-c", script] };

    private static ProcessWorkerOptions Sleeper() => new("sleep") { Arguments = ["100"] };

    [Fact]
    public async Task A_non_zero_exit_code_is_a_failure_and_zero_is_normal()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var failing = ProcessWorker.Start(Shell("exit 3"));
        Assert.Equal("exit-code", (await failing.Completion.WaitAsync(Guard)).Tag);
        var fine = ProcessWorker.Start(Shell("exit 0"));
        Assert.Equal(ExitReason.Normal, await fine.Completion.WaitAsync(Guard));
    }

    [Fact]
    public async Task Environment_and_arguments_reach_the_child_and_stdout_can_be_read()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var options = Shell("echo \"$GREETING $0\"") with
        {
            Arguments = ["-c", "echo \"$GREETING $0\"", "world"],
            Environment = new Dictionary<string, string?> { ["GREETING"] = "hello" },
            RedirectStandardStreams = true,
        };
        var worker = ProcessWorker.Start(options);
        Assert.Equal("hello world", await worker.StandardOutput!.ReadLineAsync().WaitAsync(Guard));
        Assert.Equal(ExitKind.Normal, (await worker.Completion.WaitAsync(Guard)).Kind);
    }

    [Fact]
    public async Task Crossing_the_memory_limit_kills_the_worker()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var clock = new ManualTimeProvider();
        var roomy = ProcessWorker.Start(Sleeper() with { MemoryLimitBytes = 1L << 40, Time = clock });
        var tight = ProcessWorker.Start(Sleeper() with { MemoryLimitBytes = 1024, Time = clock });
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("memory-limit", (await tight.Completion.WaitAsync(Guard)).Tag);
        Assert.False(ProcFs.IsAlive(tight.OsProcessId));
        Assert.False(roomy.Completion.IsCompleted);
        Assert.True(roomy.LastResidentSetBytes > 1024);
        roomy.Kill();
        Assert.Equal(ExitReason.Killed, await roomy.Completion.WaitAsync(Guard));
    }

    [Fact]
    public async Task Reaching_the_request_limit_recycles_the_worker()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var worker = ProcessWorker.Start(Sleeper() with { MaxRequests = 3 });
        worker.RecordRequest();
        worker.RecordRequest();
        Assert.False(worker.Completion.IsCompleted);
        worker.RecordRequest();
        Assert.Equal("request-limit", (await worker.Completion.WaitAsync(Guard)).Tag);
        Assert.Equal(3, worker.RequestCount);
    }

    [Fact]
    public async Task A_failed_or_hung_health_check_kills_the_worker()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var clock = new ManualTimeProvider();
        var healthy = ProcessWorker.Start(Sleeper() with { HealthCheck = (_, _) => Task.FromResult(true), Time = clock });
        var unhealthy = ProcessWorker.Start(Sleeper() with { HealthCheck = (_, _) => Task.FromResult(false), Time = clock });
        var hung = ProcessWorker.Start(Sleeper() with { HealthCheck = (_, token) => Task.Delay(Timeout.Infinite, token).ContinueWith(_ => true, TaskScheduler.Default), Time = clock });
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("health-check", (await unhealthy.Completion.WaitAsync(Guard)).Tag);
        Assert.False(hung.Completion.IsCompleted);
        // Left: the healthy and hung workers' interval timers, plus the hung ping's timeout once armed.
        await EventLog.Eventually(() => clock.ActiveTimers == 3, "ping timeout armed");
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("health-check", (await hung.Completion.WaitAsync(Guard)).Tag);
        Assert.True(await healthy.CheckHealthAsync());
        Assert.False(healthy.Completion.IsCompleted);
        healthy.Kill();
        await healthy.Completion.WaitAsync(Guard);
    }

    [Fact]
    public async Task Stop_asks_with_SIGTERM_and_reports_the_requested_reason()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var worker = ProcessWorker.Start(Sleeper());
        worker.Stop(ExitReason.Shutdown);
        Assert.Equal(ExitReason.Shutdown, await worker.Completion.WaitAsync(Guard));
    }

    [Fact]
    public async Task Kill_takes_down_the_whole_process_tree()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var worker = ProcessWorker.Start(Shell("sleep 100 & echo $!; wait") with { RedirectStandardStreams = true });
        var grandchild = int.Parse(await worker.StandardOutput!.ReadLineAsync().WaitAsync(Guard) ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ProcFs.IsAlive(grandchild));
        worker.Kill();
        Assert.Equal(ExitReason.Killed, await worker.Completion.WaitAsync(Guard));
        await EventLog.Eventually(() => !ProcFs.IsAlive(grandchild), "grandchild gone");
    }

    [Fact]
    public async Task A_supervised_worker_killed_from_outside_is_restarted_as_a_new_os_process()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        using var bus = new EventBus();
        using var log = new EventLog(bus);
        var sup = await Supervisor.StartAsync(new SupervisorOptions { Events = bus, Backoff = RestartBackoff.None }, [ChildSpec.ForProcessWorker("w", Sleeper())]);
        var first = (ProcessWorker)(await sup.WhichChildren())[0].Process!;
        using (var os = Process.GetProcessById(first.OsProcessId))
        {
            os.Kill();
        }
        await log.WaitFor<ChildStarted>(e => e.IsRestart, "restart");
        var second = (ProcessWorker)(await sup.WhichChildren())[0].Process!;
        Assert.NotEqual(first.OsProcessId, second.OsProcessId);
        Assert.Equal("exit-code", (await first.Completion).Tag);
        await sup.StopAsync();
        Assert.False(ProcFs.IsAlive(second.OsProcessId));
    }

    [Fact]
    public async Task A_pool_of_workers_under_SimpleOneForOne_takes_per_worker_options()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var template = ChildSpec.ForProcessWorker("worker", Sleeper()) with { ShutdownTimeout = TimeSpan.FromSeconds(5) };
        var pool = await Supervisor.StartAsync(new SupervisorOptions { Strategy = SupervisorStrategy.SimpleOneForOne, Template = template, Backoff = RestartBackoff.None });
        var workers = new List<ProcessWorker>();
        for (var i = 0; i < 3; i++)
        {
            workers.Add((ProcessWorker)await pool.StartChild(Sleeper() with { Name = $"worker-{i}" }));
        }
        Assert.Equal(3, (await pool.CountChildren()).Active);
        await pool.StopAsync();
        Assert.All(workers, w => Assert.False(ProcFs.IsAlive(w.OsProcessId)));
    }

    [Fact]
    public async Task A_repl_style_worker_pool_is_found_by_name_after_its_supervisor_restarts()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var registry = new Registry();
        using var bus = new EventBus();
        using var log = new EventLog(bus);
        var poolOptions = new SupervisorOptions
        {
            Strategy = SupervisorStrategy.SimpleOneForOne,
            Template = ChildSpec.ForProcessWorker("worker", Sleeper() with { MaxRequests = 1000 }) with { ShutdownTimeout = TimeSpan.FromSeconds(5) },
            Name = "worker-pool",
            Registry = registry,
        };
        var root = await Supervisor.StartAsync(
            new SupervisorOptions { Name = "repl-server", Events = bus, Backoff = RestartBackoff.None },
            [ChildSpec.ForSupervisor("worker-pool", poolOptions, [])]);

        var pool = registry.WhereIs<Supervisor>("worker-pool")!;
        var worker = (ProcessWorker)await pool.StartChild();
        pool.Kill();
        await log.WaitFor<ChildStarted>(e => e.ChildId == "worker-pool" && e.IsRestart, "pool restarted");
        await EventLog.Eventually(() => registry.WhereIs("worker-pool") is not null, "pool re-registered");
        var newPool = registry.WhereIs<Supervisor>("worker-pool")!;
        Assert.NotEqual(pool.Pid, newPool.Pid);
        Assert.False(ProcFs.IsAlive(worker.OsProcessId));
        Assert.Empty(await newPool.WhichChildren()); // Dynamic children belong to their incarnation, as in OTP.
        await root.StopAsync();
        Assert.Null(registry.WhereIs("worker-pool"));
    }

    [Fact]
    public async Task A_command_that_cannot_start_or_an_impossible_limit_is_a_clear_start_failure()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        var sup = await Supervisor.StartAsync(new SupervisorOptions { Backoff = RestartBackoff.None });
        var missing = await Assert.ThrowsAsync<SupervisorException>(() => sup.StartChild(ChildSpec.ForProcessWorker("missing", new ProcessWorkerOptions("/nonexistent/zylisp-worker"))));
        Assert.Equal(SupervisorError.StartFailed, missing.Error);
        Assert.Contains("missing", missing.Message, StringComparison.Ordinal);
        var impossible = await Assert.ThrowsAsync<SupervisorException>(() => sup.StartChild(ChildSpec.ForProcessWorker("impossible", Sleeper() with { MaxRequests = 0 })));
        Assert.IsType<ArgumentOutOfRangeException>(impossible.InnerException);
        Assert.Empty(await sup.WhichChildren());
        Assert.Empty(ProcFs.ZombieChildren());
        await sup.StopAsync();
    }

    [Fact]
    public async Task A_thousand_restarts_leave_no_zombie_and_no_leaked_descriptor()
    {
        if (!ProcFs.Available)
        {
            return;
        }
        await RestartLoop(20); // Warm up lazily created runtime descriptors (signal pipes, epoll).
        var descriptorsBefore = ProcFs.OpenDescriptorCount();
        await RestartLoop(1000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Empty(ProcFs.ZombieChildren());
        Assert.InRange(ProcFs.OpenDescriptorCount(), 0, descriptorsBefore + 2);
    }

    private static async Task RestartLoop(int restarts)
    {
        using var bus = new EventBus();
        var started = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var counter = bus.Subscribe<ChildStarted>(_ =>
        {
            if (Interlocked.Increment(ref started) == restarts + 1)
            {
                done.TrySetResult();
            }
        }, capacity: restarts + 10);
        var options = new SupervisorOptions
        {
            Events = bus,
            Backoff = RestartBackoff.None,
            Intensity = new RestartIntensity(int.MaxValue, TimeSpan.FromSeconds(1)),
        };
        var sup = await Supervisor.StartAsync(options, [ChildSpec.ForProcessWorker("short-lived", new ProcessWorkerOptions("true"))]);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        await sup.StopAsync();
    }
}
