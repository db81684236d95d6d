using Zylisp.Rely.Tests.Support;

namespace Zylisp.Rely.Tests;

public sealed class SupervisorTests
{
    private static IReadOnlyList<ChildSpec> Abc(Puppets p, RestartType restart = RestartType.Permanent) =>
        [p.Spec("a", restart), p.Spec("b", restart), p.Spec("c", restart)];

    [Fact]
    public async Task Children_start_in_order_and_stop_in_reverse_order()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => Abc(p));
        Assert.Equal(ExitKind.Shutdown, (await h.Supervisor.StopAsync()).Kind);
        await h.Log.WaitForExit(h.Supervisor);
        Assert.Equal(["start:a", "start:b", "start:c", "stop:c", "stop:b", "stop:a"], h.Puppets.Journal);
        var stopped = h.Log.OfType<ChildExited>().Where(e => e.ByParent).Select(e => e.ChildId);
        Assert.Equal(["c", "b", "a"], stopped);
    }

    [Fact]
    public async Task OneForOne_restarts_only_the_failed_child()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => Abc(p));
        var before = await h.Pids();
        var crashed = await h.Crash("b");
        var after = await h.Pids();
        Assert.Equal(before["a"], after["a"]);
        Assert.Equal(before["c"], after["c"]);
        Assert.NotEqual(crashed, after["b"]);
        Assert.NotNull(after["b"]);
        Assert.Equal(2, h.Puppets.Starts("b"));
    }

    [Fact]
    public async Task OneForAll_stops_the_others_in_reverse_order_then_restarts_all_in_order()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForAll, p => Abc(p));
        var before = await h.Pids();
        await h.Crash("b");
        var after = await h.Pids();
        Assert.All(["a", "b", "c"], id => Assert.NotEqual(before[id], after[id]));
        var journal = h.Puppets.Journal.Skip(3).ToList();
        Assert.Equal(["stop:b", "stop:c", "stop:a", "start:a", "start:b", "start:c"], journal);
    }

    [Fact]
    public async Task RestForOne_restarts_the_failed_child_and_those_started_after_it()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.RestForOne, p => Abc(p));
        var before = await h.Pids();
        await h.Crash("b");
        var after = await h.Pids();
        Assert.Equal(before["a"], after["a"]);
        Assert.NotEqual(before["b"], after["b"]);
        Assert.NotEqual(before["c"], after["c"]);
        Assert.Equal(["stop:b", "stop:c", "start:b", "start:c"], h.Puppets.Journal.Skip(3).ToList());
    }

    [Fact]
    public async Task OneForAll_drops_temporary_siblings_instead_of_restarting_them()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForAll,
            p => [p.Spec("a"), p.Spec("t", RestartType.Temporary), p.Spec("c")]);
        await h.Crash("a");
        Assert.Equal(["a", "c"], (await h.Supervisor.WhichChildren()).Select(c => c.Id));
        Assert.Equal(1, h.Puppets.Starts("t"));
    }

    [Fact]
    public async Task Permanent_child_restarts_even_after_a_normal_exit()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("p")]);
        await h.Finish("p");
        Assert.Equal(ChildState.Running, (await h.States())["p"]);
        Assert.Equal(2, h.Puppets.Starts("p"));
    }

    [Fact]
    public async Task Transient_child_restarts_after_a_crash_but_not_after_a_normal_exit()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("t", RestartType.Transient)]);
        await h.Crash("t");
        Assert.Equal(ChildState.Running, (await h.States())["t"]);
        await h.Finish("t");
        Assert.Equal(ChildState.Stopped, (await h.States())["t"]);
        Assert.Equal(2, h.Puppets.Starts("t"));
    }

    [Fact]
    public async Task Temporary_child_is_never_restarted_and_is_removed()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("t", RestartType.Temporary), p.Spec("k")]);
        await h.Crash("t");
        Assert.Equal(["k"], (await h.Supervisor.WhichChildren()).Select(c => c.Id));
        Assert.Equal(1, h.Puppets.Starts("t"));
    }

    [Fact]
    public async Task More_than_max_restarts_within_the_period_escalates()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => Abc(p));
        for (var i = 0; i < 5; i++)
        {
            await h.Crash("a");
            h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.False(h.Supervisor.Completion.IsCompleted);
        await h.CrashAndForget("a");
        var reason = await h.Exited();
        Assert.Equal(ExitKind.Error, reason.Kind);
        Assert.Equal("restart-intensity", reason.Tag);
        Assert.IsType<RestartIntensityExceededException>(reason.Exception);
        await h.Log.WaitForExit(h.Supervisor);
        Assert.Single(h.Log.OfType<SupervisorEscalated>());
        Assert.Equal(["stop:c", "stop:b"], h.Puppets.Journal.Where(j => j.StartsWith("stop:", StringComparison.Ordinal)).Skip(6).ToList());
    }

    [Fact]
    public async Task Restarts_older_than_the_period_no_longer_count()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("a")],
            intensity: new RestartIntensity(2, TimeSpan.FromSeconds(10)));
        await h.Crash("a");
        h.Clock.Advance(TimeSpan.FromSeconds(6));
        await h.Crash("a");
        h.Clock.Advance(TimeSpan.FromSeconds(4)); // The first restart is now exactly one period old.
        await h.Crash("a");
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(h.Supervisor.Completion.IsCompleted);
        await h.CrashAndForget("a");
        Assert.Equal("restart-intensity", (await h.Exited()).Tag);
    }

    [Fact]
    public async Task Zero_intensity_escalates_on_the_first_restart()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("a"), p.Spec("t", RestartType.Temporary)],
            intensity: new RestartIntensity(0, TimeSpan.FromSeconds(1)));
        await h.Crash("t"); // Temporary: no restart, so nothing counts.
        Assert.False(h.Supervisor.Completion.IsCompleted);
        await h.CrashAndForget("a");
        Assert.Equal("restart-intensity", (await h.Exited()).Tag);
    }

    [Fact]
    public async Task Backoff_starts_at_one_second_and_doubles_up_to_the_cap()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("a")],
            intensity: new RestartIntensity(100, TimeSpan.FromSeconds(60)), backoff: backoff);
        await h.Crash("a"); // First restart in a quiet period: immediate.
        Assert.Equal(ChildState.Running, (await h.States())["a"]);

        foreach (var expected in new[] { 1, 2, 3, 3 })
        {
            await h.Crash("a");
            Assert.Equal(ChildState.Restarting, (await h.States())["a"]);
            h.Clock.Advance(TimeSpan.FromSeconds(expected) - TimeSpan.FromTicks(1));
            Assert.Equal(ChildState.Restarting, (await h.States())["a"]);
            var starts = h.Puppets.Starts("a");
            h.Clock.Advance(TimeSpan.FromTicks(1));
            await h.Log.WaitUntil(_ => h.Puppets.Starts("a") == starts + 1, "restart after backoff");
            Assert.Equal(ChildState.Running, (await h.States())["a"]);
        }
        var delays = h.Log.OfType<ChildRestartScheduled>().Select(e => e.Delay.TotalSeconds);
        Assert.Equal([0d, 1, 2, 3, 3], delays);
    }

    [Fact]
    public void Backoff_delays_follow_the_doubling_rule()
    {
        var backoff = RestartBackoff.Default;
        Assert.Equal(TimeSpan.Zero, backoff.DelayFor(1));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.DelayFor(2));
        Assert.Equal(TimeSpan.FromSeconds(16), backoff.DelayFor(6));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.DelayFor(7));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.DelayFor(1000));
        Assert.Equal(TimeSpan.Zero, RestartBackoff.None.DelayFor(50));
    }

    [Fact]
    public async Task A_child_that_ignores_stop_is_killed_after_its_shutdown_timeout()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne,
            p => [p.Spec("stubborn", shutdown: TimeSpan.FromSeconds(2), ignoreStop: true)]);
        var stopping = h.Supervisor.StopAsync();
        await EventLog.Eventually(() => h.Clock.ActiveTimers > 0, "shutdown timer armed");
        Assert.False(stopping.IsCompleted);
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        await h.Log.WaitForExit(h.Supervisor);
        var exited = Assert.Single(h.Log.OfType<ChildExited>());
        Assert.Equal(ExitKind.Killed, exited.Reason.Kind);
    }

    [Fact]
    public async Task A_failing_initial_child_stops_the_earlier_ones_and_fails_the_start()
    {
        var puppets = new Puppets();
        var bad = new ChildSpec("bad", _ => throw new InvalidOperationException("no"));
        var error = await Assert.ThrowsAsync<SupervisorException>(() =>
            Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("a"), p.Spec("b"), bad, p.Spec("c")], puppets: puppets));
        Assert.Equal(SupervisorError.StartFailed, error.Error);
        Assert.Equal(["start:a", "start:b", "stop:b", "stop:a"], puppets.Journal);
    }

    [Fact]
    public async Task Child_operations_follow_otp()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("a")]);
        var sup = h.Supervisor;
        var duplicate = await Assert.ThrowsAsync<SupervisorException>(() => sup.StartChild(h.Puppets.Spec("a")));
        Assert.Equal(SupervisorError.AlreadyStarted, duplicate.Error);

        await sup.StartChild(h.Puppets.Spec("b", RestartType.Transient));
        Assert.Equal(new ChildCounts(2, 2, 0, 2), await sup.CountChildren());

        await sup.TerminateChild("b");
        Assert.Equal(ChildState.Stopped, (await h.States())["b"]);
        Assert.Equal(SupervisorError.AlreadyPresent, (await Assert.ThrowsAsync<SupervisorException>(() => sup.StartChild(h.Puppets.Spec("b")))).Error);
        Assert.Equal(SupervisorError.Running, (await Assert.ThrowsAsync<SupervisorException>(() => sup.DeleteChild("a"))).Error);
        Assert.Equal(SupervisorError.Running, (await Assert.ThrowsAsync<SupervisorException>(() => sup.RestartChild("a"))).Error);

        await sup.RestartChild("b");
        Assert.Equal(ChildState.Running, (await h.States())["b"]);
        await sup.TerminateChild("b");
        await sup.DeleteChild("b");
        Assert.Equal(["a"], (await sup.WhichChildren()).Select(c => c.Id));
        Assert.Equal(SupervisorError.NotFound, (await Assert.ThrowsAsync<SupervisorException>(() => sup.TerminateChild("b"))).Error);
        Assert.Equal(SupervisorError.WrongStrategy, (await Assert.ThrowsAsync<SupervisorException>(() => sup.StartChild(argument: 1))).Error);
    }

    [Fact]
    public async Task Invalid_specs_and_options_are_refused_before_anything_starts()
    {
        var puppets = new Puppets();
        var badShutdown = puppets.Spec("a") with { ShutdownTimeout = TimeSpan.FromSeconds(-2) };
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Supervisor.StartAsync(new SupervisorOptions(), [badShutdown]));
        await Assert.ThrowsAsync<ArgumentException>(() => Supervisor.StartAsync(new SupervisorOptions(), [puppets.Spec("a"), puppets.Spec("a")]));
        await Assert.ThrowsAsync<ArgumentException>(() => Supervisor.StartAsync(new SupervisorOptions { Strategy = SupervisorStrategy.SimpleOneForOne }));
        await Assert.ThrowsAsync<ArgumentException>(() => Supervisor.StartAsync(new SupervisorOptions { Template = puppets.Spec("t") }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Supervisor.StartAsync(new SupervisorOptions { Intensity = new RestartIntensity(-1, TimeSpan.FromSeconds(1)) }));
        Assert.Equal(0, puppets.Starts("a"));

        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, _ => []);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Supervisor.StartChild(badShutdown));
        Assert.Empty(await h.Supervisor.WhichChildren());
    }

    [Fact]
    public async Task Terminating_a_temporary_child_removes_it()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("t", RestartType.Temporary)]);
        await h.Supervisor.TerminateChild("t");
        Assert.Empty(await h.Supervisor.WhichChildren());
    }

    [Fact]
    public async Task SimpleOneForOne_starts_children_from_the_template_and_restarts_them_with_their_argument()
    {
        var arguments = new System.Collections.Concurrent.ConcurrentQueue<object?>();
        var gates = new System.Collections.Concurrent.ConcurrentDictionary<object, TaskCompletionSource>();
        var template = ChildSpec.FromTask("worker", async (argument, token) =>
        {
            arguments.Enqueue(argument);
            var gate = gates[argument!] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await gate.Task.WaitAsync(token);
        });
        await using var h = await Harness.StartAsync(SupervisorStrategy.SimpleOneForOne, _ => [], template: template);
        var sup = h.Supervisor;
        var one = await sup.StartChild(1);
        var two = await sup.StartChild(2);
        await sup.StartChild(3);
        await EventLog.Eventually(() => gates.Count == 3, "three workers running");
        Assert.Equal(new ChildCounts(3, 3, 0, 3), await sup.CountChildren());

        gates[2].SetException(new InvalidOperationException("worker 2 crashed"));
        await h.Log.WaitFor<ChildExited>(e => e.Pid == two.Pid, "worker 2 exit");
        await EventLog.Eventually(() => arguments.Count == 4, "worker 2 restarted");
        // Bodies run on the thread pool, so only the multiset of arguments is deterministic.
        Assert.Equal([1, 2, 2, 3], arguments.Cast<int>().Order());
        Assert.Equal(3, (await sup.CountChildren()).Active);

        await sup.TerminateChild(one.Pid);
        Assert.Equal(2, (await sup.CountChildren()).Specs);
        Assert.Equal(SupervisorError.WrongStrategy, (await Assert.ThrowsAsync<SupervisorException>(() => sup.StartChild(h.Puppets.Spec("x")))).Error);
        Assert.Equal(SupervisorError.WrongStrategy, (await Assert.ThrowsAsync<SupervisorException>(() => sup.RestartChild("worker"))).Error);
        Assert.All(await sup.WhichChildren(), c => Assert.Equal("worker", c.Id));
    }

    [Fact]
    public async Task SimpleOneForOne_transient_child_that_finishes_is_removed()
    {
        var template = ChildSpec.FromTask("job", (_, _) => Task.CompletedTask, RestartType.Transient);
        await using var h = await Harness.StartAsync(SupervisorStrategy.SimpleOneForOne, _ => [], template: template);
        var job = await h.Supervisor.StartChild("x");
        await h.Log.WaitFor<ChildExited>(e => e.Pid == job.Pid, "job exit");
        Assert.Empty(await h.Supervisor.WhichChildren());
    }

    [Fact]
    public async Task A_nested_supervisor_escalates_to_its_parent_which_restarts_it()
    {
        var puppets = new Puppets();
        var inner = new SupervisorOptions { Strategy = SupervisorStrategy.OneForOne, Intensity = new RestartIntensity(1, TimeSpan.FromSeconds(10)), Backoff = RestartBackoff.None };
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne,
            p => [p.Spec("sibling"), ChildSpec.ForSupervisor("inner", inner, [p.Spec("leaf")])], puppets: puppets);
        var innerBefore = await h.ProcessOf("inner");
        Assert.Equal(new ChildCounts(2, 2, 1, 1), await h.Supervisor.CountChildren());

        await CrashLeaf(expectRestart: true);
        await CrashLeaf(expectRestart: false); // Second restart within the period: more than 1, so the inner supervisor fails.
        var innerExit = await h.Log.WaitFor<ChildExited>(e => e.ChildId == "inner", "inner supervisor exit");
        Assert.Equal("restart-intensity", innerExit.Reason.Tag);
        await h.Log.WaitFor<ChildStarted>(e => e.ChildId == "inner" && e.IsRestart, "inner restarted");
        var innerAfter = await h.ProcessOf("inner");
        Assert.NotEqual(innerBefore.Pid, innerAfter.Pid);
        Assert.Equal(3, puppets.Starts("leaf"));
        Assert.Equal(1, puppets.Starts("sibling"));
        Assert.Contains(h.Log.OfType<SupervisorEscalated>(), e => e.Supervisor == "inner");

        async Task CrashLeaf(bool expectRestart)
        {
            var before = puppets.Starts("leaf");
            await h.Log.WaitUntil(l => l.OfType<ChildStarted>().Count(e => e.ChildId == "leaf") == before, "leaf start logged");
            var leaf = h.Log.OfType<ChildStarted>().Last(e => e.ChildId == "leaf");
            puppets.Crash("leaf");
            await h.Log.WaitFor<ChildExited>(e => e.Pid == leaf.Pid, "leaf exit");
            if (expectRestart)
            {
                await h.Log.WaitUntil(l => l.OfType<ChildStarted>().Count(e => e.ChildId == "leaf") == before + 1, "leaf restarted");
            }
        }
    }

    [Fact]
    public async Task A_restart_that_fails_to_start_is_retried_and_counted()
    {
        var attempts = 0;
        var spec = new ChildSpec("flaky", _ =>
        {
            var n = Interlocked.Increment(ref attempts);
            if (n is 2 or 3)
            {
                throw new InvalidOperationException($"attempt {n} fails");
            }
            return Task.FromResult<IProcess>(TaskProcess.Start(token => Task.Delay(Timeout.Infinite, token)));
        });
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, _ => [spec], intensity: new RestartIntensity(3, TimeSpan.FromSeconds(10)));
        var first = await h.ProcessOf("flaky");
        first.Kill();
        await h.Log.WaitFor<ChildStarted>(e => e.IsRestart, "restart after two failed attempts");
        Assert.Equal(4, attempts);
        Assert.Equal(2, h.Log.OfType<ChildStartFailed>().Count);
        Assert.False(h.Supervisor.Completion.IsCompleted);
    }

    [Fact]
    public async Task Operations_on_an_exited_supervisor_fail_clearly()
    {
        await using var h = await Harness.StartAsync(SupervisorStrategy.OneForOne, p => [p.Spec("a")]);
        await h.Supervisor.StopAsync();
        var error = await Assert.ThrowsAsync<SupervisorException>(() => h.Supervisor.WhichChildren());
        Assert.Equal(SupervisorError.SupervisorExited, error.Error);
    }

    [Fact]
    public async Task Telemetry_can_be_logged_as_lines()
    {
        var writer = new StringWriter();
        var puppets = new Puppets();
        using var bus = new EventBus();
        using var log = new EventLog(bus);
        using (TelemetryLog.Attach(bus, writer))
        {
            var sup = await Supervisor.StartAsync(new SupervisorOptions { Events = bus, Name = "root", Backoff = RestartBackoff.None }, [puppets.Spec("a")]);
            await sup.StopAsync();
            await log.WaitFor<SupervisorExited>(_ => true, "supervisor exit");
            await EventLog.Eventually(() => writer.ToString().Contains("exited: shutdown", StringComparison.Ordinal), "log lines");
        }
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("root/a", StringComparison.Ordinal) && l.Contains("started", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("exited: shutdown", StringComparison.Ordinal));
    }
}
