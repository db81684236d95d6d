using System.Diagnostics;
using Zylisp.Repl.Client;
using Zylisp.Repl.Protocol;
using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Tests;

/// <summary>
/// Workers as real `zylisp worker` processes, and the ways they die. Each test ends by checking that
/// the victim session's definitions are intact and that a session on the other worker saw nothing.
/// </summary>
public sealed class WorkerFaultTests : IAsyncLifetime
{
    private TestServer server = null!;
    private NreplClient client = null!;
    private string victim = "";
    private string bystander = "";
    private readonly TaskCompletionSource<string> restored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        server = await TestServer.StartAsync(processes: true, workers: 2, testHooks: true, limits: new WorkerLimits
        {
            MemoryLimitBytes = 300L * 1024 * 1024,
            MemoryCheckInterval = TimeSpan.FromMilliseconds(100),
            InterruptGrace = TimeSpan.FromMilliseconds(2500),
        });
        client = await server.ConnectAsync();
        client.Unsolicited = OnNotice;
        victim = await client.CloneAsync();
        bystander = await client.CloneAsync();
        Assert.NotSame(SlotOf(victim), SlotOf(bystander));
        await client.EvalAsync(victim, "(def base 40) (defn add-base [n] (+ base n)) (defmacro twice [x] `(* 2 ~x))");
        await client.EvalAsync(victim, "(def base 41)");
        await client.EvalAsync(bystander, "(def mine :bystander)");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private void OnNotice(Dictionary<string, object> message)
    {
        if (message.Str("err") is { } err && err.Contains("restored", StringComparison.Ordinal))
        {
            restored.TrySetResult(err);
        }
    }

    private WorkerSlot SlotOf(string session) => server.Server.Sessions.Find(session)!.Slot;

    private int WorkerPid(string session) => SlotOf(session).OsProcessId ?? throw new InvalidOperationException("no worker process");

    private async Task AssertVictimRestoredAndBystanderUntouched(int bystanderPid)
    {
        var notice = await restored.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(victim, notice, StringComparison.Ordinal);
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
        Assert.Equal("10", (await client.EvalAsync(victim, "(twice 5)")).Value);
        Assert.Equal(":bystander", (await client.EvalAsync(bystander, "mine")).Value);
        Assert.Equal(bystanderPid, WorkerPid(bystander));
        Assert.Equal(1, SlotOf(bystander).Incarnation);
    }

    [Fact]
    public async Task Kill_9_of_an_idle_worker()
    {
        var bystanderPid = WorkerPid(bystander);
        Process.GetProcessById(WorkerPid(victim)).Kill(); // SIGKILL
        await AssertVictimRestoredAndBystanderUntouched(bystanderPid);
        Assert.Equal(2, SlotOf(victim).Incarnation);
    }

    [Fact]
    public async Task Kill_9_in_the_middle_of_an_eval_ends_it_with_eval_error()
    {
        var bystanderPid = WorkerPid(bystander);
        var running = client.CallAsync(Message.Create(("op", "eval"), ("session", victim), ("code", "(println \"started\") (loop [i 0] (recur (inc i)))")));
        await Task.Delay(500);
        Process.GetProcessById(WorkerPid(victim)).Kill();
        var response = EvalResponse.From(await running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(response.IsError);
        Assert.Equal("worker-died", response.Ex);
        Assert.Contains("died", response.Err, StringComparison.Ordinal);
        Assert.Equal("done", response.Statuses[^1]);
        await AssertVictimRestoredAndBystanderUntouched(bystanderPid);
    }

    [Fact]
    public async Task A_stack_overflow_is_an_error_and_the_worker_lives_on()
    {
        var victimPid = WorkerPid(victim);
        var response = await client.EvalAsync(victim, "(defn deep [n] (+ 1 (deep n))) (deep 1)");
        Assert.True(response.IsError);
        Assert.Equal(":stack-overflow", response.Ex);
        Assert.Equal(victimPid, WorkerPid(victim));
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
        Assert.Equal(":bystander", (await client.EvalAsync(bystander, "mine")).Value);
    }

    [Fact]
    public async Task An_infinite_loop_stops_at_interrupt_without_losing_the_worker()
    {
        var victimPid = WorkerPid(victim);
        var running = client.CallAsync(Message.Create(("op", "eval"), ("id", "spin"), ("session", victim), ("code", "(loop [i 0] (recur (inc i)))")));
        await Task.Delay(300);
        await client.CallAsync(Message.Create(("op", "interrupt"), ("session", victim), ("interrupt-id", "spin")));
        var replies = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(replies, r => r.Has("status", "interrupted"));
        Assert.Equal(victimPid, WorkerPid(victim));
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
    }

    // Hardening (issue 15) made every long core loop poll for interrupts, so no Zylisp code ignores
    // one any more; a blocking host call still can, and the test hook is such a call.
    [Fact]
    public async Task Code_that_ignores_the_interrupt_costs_its_worker_after_the_grace_period()
    {
        var bystanderPid = WorkerPid(bystander);
        var victimPid = WorkerPid(victim);
        var running = client.CallAsync(Message.Create(("op", "eval"), ("id", "stuck"), ("session", victim), ("code", $"(def before-block 1) ({WorkerTestHooks.BlockName})")));
        await Task.Delay(300);
        await client.CallAsync(Message.Create(("op", "interrupt"), ("session", victim), ("interrupt-id", "stuck")));
        var replies = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(replies, r => r.Has("status", "interrupted"));
        Assert.Contains("killed", EvalResponse.From(replies).Err, StringComparison.Ordinal);
        Assert.True(replies[^1].Has("status", "done"));
        await AssertVictimRestoredAndBystanderUntouched(bystanderPid);
        Assert.NotEqual(victimPid, WorkerPid(victim));
        Assert.Equal(2, SlotOf(victim).Incarnation);
        // The definition made earlier in the killed eval was journaled as soon as it ran.
        Assert.Equal("1", (await client.EvalAsync(victim, "before-block")).Value);
    }

    [Fact]
    public async Task A_memory_bomb_trips_the_limit_and_the_session_comes_back()
    {
        var bystanderPid = WorkerPid(bystander);
        var response = await client.EvalAsync(victim, "(def big (vec (range 200000000)))").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(response.IsError);
        Assert.Contains("memory-limit", response.Err, StringComparison.Ordinal);
        await AssertVictimRestoredAndBystanderUntouched(bystanderPid);
        Assert.True((await client.EvalAsync(victim, "big")).IsError);
    }
}

/// <summary>The request limit recycles a worker like a crash does, with the sessions replayed.</summary>
public sealed class WorkerLimitTests
{
    [Fact]
    public async Task Reaching_the_request_limit_recycles_the_worker_and_keeps_the_definitions()
    {
        await using var server = await TestServer.StartAsync(processes: true, limits: new WorkerLimits { MaxRequests = 3 });
        var client = await server.ConnectAsync();
        var session = await client.CloneAsync();
        await client.EvalAsync(session, "(def kept 1)");
        await client.EvalAsync(session, "(def kept (inc kept))");
        await client.EvalAsync(session, "kept"); // the third request trips the limit after its reply
        var slot = server.Server.Sessions.Find(session)!.Slot;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (slot.Incarnation < 2 || slot.CurrentOrNull() is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker was not recycled");
            await Task.Delay(50);
        }

        Assert.Equal("2", (await client.EvalAsync(session, "kept")).Value);
        // Only workers started for the fault tests have the blocking test hook.
        Assert.True((await client.EvalAsync(session, $"({WorkerTestHooks.BlockName})")).IsError);
    }
}

/// <summary>The health ping: a worker that stops answering (here: stopped with SIGSTOP) is killed and restarted with replay.</summary>
public sealed class WorkerHealthTests
{
    [Fact]
    public async Task A_worker_that_stops_answering_the_ping_is_replaced_and_its_sessions_restored()
    {
        await using var server = await TestServer.StartAsync(processes: true, workers: 2, limits: new WorkerLimits
        {
            HealthCheckInterval = TimeSpan.FromMilliseconds(500),
            HealthCheckTimeout = TimeSpan.FromMilliseconds(3000),
        });
        var client = await server.ConnectAsync();
        var restored = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Unsolicited = message =>
        {
            if (message.Str("err") is { } err && err.Contains("restored", StringComparison.Ordinal))
            {
                restored.TrySetResult(err);
            }
        };
        var victim = await client.CloneAsync();
        var bystander = await client.CloneAsync();
        await client.EvalAsync(victim, "(defn kept [] :kept)");
        await client.EvalAsync(bystander, "(def mine :bystander)");
        var victimSlot = server.Server.Sessions.Find(victim)!.Slot;
        var bystanderSlot = server.Server.Sessions.Find(bystander)!.Slot;
        Assert.NotSame(victimSlot, bystanderSlot);
        var bystanderPid = bystanderSlot.OsProcessId;

        // A stopped process is alive but answers nothing, like a worker wedged in native code.
        using (var stop = Process.Start("kill", ["-STOP", victimSlot.OsProcessId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await stop.WaitForExitAsync();
        }

        Assert.Contains(victim, await restored.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.Equal(":kept", (await client.EvalAsync(victim, "(kept)")).Value);
        Assert.Equal(2, victimSlot.Incarnation);
        Assert.Equal(":bystander", (await client.EvalAsync(bystander, "mine")).Value);
        Assert.Equal(bystanderPid, bystanderSlot.OsProcessId);
        Assert.Equal(1, bystanderSlot.Incarnation);
    }
}
