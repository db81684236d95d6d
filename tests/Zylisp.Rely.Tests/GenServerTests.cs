using Zylisp.Rely.Tests.Support;

namespace Zylisp.Rely.Tests;

public sealed class GenServerTests
{
    /// <summary>A counter: calls "get"/"crash"/"stop"/"hang", casts add a number.</summary>
    private sealed class Counter(int start = 0, TaskCompletionSource? hang = null, List<ExitReason>? terminated = null) : GenServer<int>
    {
        protected override Task<int> Init(CancellationToken cancellationToken) =>
            start < 0 ? throw new ArgumentOutOfRangeException(nameof(start), "negative start") : Task.FromResult(start);

        protected override async Task<CallResult<int>> HandleCall(object request, int state) => request switch
        {
            "get" => CallResult.Reply(state, state),
            "crash" => throw new InvalidOperationException("asked to crash"),
            "stop" => CallResult.Stop(ExitReason.Normal, "bye", state),
            "hang" => await Hang(state),
            _ => await base.HandleCall(request, state),
        };

        private async Task<CallResult<int>> Hang(int state)
        {
            await hang!.Task;
            return CallResult.Reply(state, state);
        }

        protected override Task<ServerStep<int>> HandleCast(object message, int state) =>
            Task.FromResult(ServerStep.Continue(state + (int)message));

        protected override Task<ServerStep<int>> HandleInfo(object message, int state) =>
            Task.FromResult(message is "halt" ? ServerStep.Stop(ExitReason.Failure("halted", "halt info"), state) : ServerStep.Continue(state));

        protected override Task Terminate(ExitReason reason, int state)
        {
            lock (terminated ?? [])
            {
                terminated?.Add(reason);
            }
            return Task.CompletedTask;
        }
    }

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Casts_and_calls_are_handled_one_at_a_time_in_order()
    {
        var server = await GenServer.StartAsync(new Counter(10));
        for (var i = 1; i <= 100; i++)
        {
            server.Cast(i);
        }
        Assert.Equal(10 + 5050, await server.Call<int>("get"));
        Assert.Equal(ExitKind.Normal, (await server.StopAsync()).Kind);
    }

    [Fact]
    public async Task A_throwing_handler_stops_the_server_with_the_exception_and_runs_terminate()
    {
        var terminated = new List<ExitReason>();
        var server = await GenServer.StartAsync(new Counter(terminated: terminated));
        var error = await Assert.ThrowsAsync<ServerExitedException>(() => server.Call("crash"));
        Assert.IsType<InvalidOperationException>(error.Reason.Exception);
        var reason = await server.Completion.WaitAsync(Guard);
        Assert.Equal(ExitKind.Error, reason.Kind);
        Assert.Equal(reason, Assert.Single(terminated));
    }

    [Fact]
    public async Task Calls_to_a_dead_server_fail_at_once()
    {
        var server = await GenServer.StartAsync(new Counter());
        Assert.Equal("bye", await server.Call<string>("stop"));
        await server.Completion.WaitAsync(Guard);
        var error = await Assert.ThrowsAsync<ServerExitedException>(() => server.Call("get", Timeout.InfiniteTimeSpan));
        Assert.Equal(server.Pid, error.Pid);
    }

    [Fact]
    public async Task Callers_waiting_behind_a_crash_get_ServerExitedException()
    {
        var hang = new TaskCompletionSource();
        var server = await GenServer.StartAsync(new Counter(hang: hang));
        var stuck = server.Call("hang", Timeout.InfiniteTimeSpan);
        var queued = server.Call("get", Timeout.InfiniteTimeSpan);
        hang.SetException(new InvalidOperationException("hang failed"));
        await Assert.ThrowsAsync<ServerExitedException>(() => stuck.WaitAsync(Guard));
        await Assert.ThrowsAsync<ServerExitedException>(() => queued.WaitAsync(Guard));
    }

    [Fact]
    public async Task A_call_that_gets_no_reply_times_out_on_the_injected_clock()
    {
        var clock = new ManualTimeProvider();
        var hang = new TaskCompletionSource();
        var server = await GenServer.StartAsync(new Counter(hang: hang), new GenServerOptions { Time = clock });
        var call = server.Call("hang");
        await EventLog.Eventually(() => clock.ActiveTimers > 0, "call timer armed");
        clock.Advance(GenServerOptions.DefaultCallTimeout - TimeSpan.FromTicks(1));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));
        var error = await Assert.ThrowsAsync<CallTimeoutException>(() => call.WaitAsync(Guard));
        Assert.Equal(GenServerOptions.DefaultCallTimeout, error.Timeout);
        hang.SetResult();
        Assert.Equal(0, await server.Call<int>("get"));
        server.Kill();
    }

    [Fact]
    public async Task An_unexpected_call_crashes_the_server_like_otp()
    {
        var server = await GenServer.StartAsync(new Counter());
        await Assert.ThrowsAsync<ServerExitedException>(() => server.Call("what?"));
        Assert.IsType<NotSupportedException>((await server.Completion).Exception);
    }

    [Fact]
    public async Task Info_messages_reach_HandleInfo_and_can_stop_the_server()
    {
        var server = await GenServer.StartAsync(new Counter());
        server.Send("ignored");
        server.Send("halt");
        Assert.Equal("halted", (await server.Completion.WaitAsync(Guard)).Tag);
    }

    [Fact]
    public async Task Stop_runs_terminate_with_the_reason()
    {
        var terminated = new List<ExitReason>();
        var server = await GenServer.StartAsync(new Counter(terminated: terminated));
        server.Stop(ExitReason.Shutdown);
        Assert.Equal(ExitReason.Shutdown, await server.Completion.WaitAsync(Guard));
        Assert.Equal([ExitReason.Shutdown], terminated);
    }

    [Fact]
    public async Task A_failing_init_fails_the_start()
    {
        var error = await Assert.ThrowsAsync<GenServerStartException>(() => GenServer.StartAsync(new Counter(-1)));
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
    }

    /// <summary>Parks "wait" calls, counts them on "count", and answers them all on "release", like a server that hands work to a worker.</summary>
    private sealed class Parking : GenServer<List<PendingReply>>
    {
        protected override Task<List<PendingReply>> Init(CancellationToken cancellationToken) => Task.FromResult(new List<PendingReply>());

        protected override Task<CallResult<List<PendingReply>>> HandleCall(object request, List<PendingReply> parked)
        {
            if (request is "wait")
            {
                parked.Add(TakeReply());
                return Task.FromResult(CallResult.NoReply(parked));
            }
            if (request is "count")
            {
                return Task.FromResult(CallResult.Reply(parked.Count, parked));
            }
            foreach (var reply in parked)
            {
                reply.Send("released");
            }
            return Task.FromResult(CallResult.Reply(parked.Count, new List<PendingReply>()));
        }
    }

    [Fact]
    public async Task A_deferred_reply_lets_the_server_keep_serving_and_answer_later()
    {
        var server = await GenServer.StartAsync(new Parking());
        var first = server.Call<string>("wait", Timeout.InfiniteTimeSpan);
        var second = server.Call<string>("wait", Timeout.InfiniteTimeSpan);
        Assert.Equal(2, await server.Call<int>("release"));
        Assert.Equal("released", await first.WaitAsync(Guard));
        Assert.Equal("released", await second.WaitAsync(Guard));

        var orphan = server.Call<string>("wait", Timeout.InfiniteTimeSpan);
        Assert.Equal(1, await server.Call<int>("count")); // Handled after the park, one message at a time.
        server.Kill();
        await Assert.ThrowsAsync<ServerExitedException>(() => orphan.WaitAsync(Guard));
    }

    [Fact]
    public async Task A_supervised_named_server_is_restarted_and_takes_its_name_back()
    {
        var registry = new Registry();
        var spec = ChildSpec.ForGenServer("counter", _ => new Counter(7), new GenServerOptions { Name = "counter", Registry = registry });
        using var bus = new EventBus();
        using var log = new EventLog(bus);
        var sup = await Supervisor.StartAsync(new SupervisorOptions { Events = bus, Backoff = RestartBackoff.None }, [spec]);
        var first = registry.WhereIs<GenServerRef>("counter")!;
        first.Cast(1);
        Assert.Equal(8, await first.Call<int>("get"));

        await Assert.ThrowsAsync<ServerExitedException>(() => first.Call("crash"));
        await log.WaitFor<ChildStarted>(e => e.IsRestart, "counter restart");
        var second = registry.WhereIs<GenServerRef>("counter")!;
        Assert.NotEqual(first.Pid, second.Pid);
        Assert.Equal(7, await second.Call<int>("get"));
        await sup.StopAsync();
        Assert.Null(registry.WhereIs("counter"));
    }
}
