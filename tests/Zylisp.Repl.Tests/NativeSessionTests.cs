using System.Runtime.InteropServices;
using Zylisp.Compiler.Native;
using Zylisp.Repl.Client;
using Zylisp.Repl.Protocol;
using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Tests;

/// <summary>A test of native sessions; skipped, saying why, off Linux x86-64.</summary>
public sealed class NativeSessionFactAttribute : FactAttribute
{
    public NativeSessionFactAttribute()
    {
        if (!(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64))
        {
            Skip = "native sessions run x86-64 code on Linux";
        }
    }
}

/// <summary>
/// nREPL sessions on the native engine (docs/design/native-sessions.md), with workers as real
/// processes: output per eval, errors, and the faults native code can cause. A crash in generated
/// code (the test hook writes to address 0) costs the worker, never the server or the other session.
/// </summary>
public sealed class NativeSessionTests : IAsyncLifetime
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
            InterruptGrace = TimeSpan.FromMilliseconds(2500),
        });
        client = await server.ConnectAsync();
        client.Unsolicited = message =>
        {
            if (message.Str("err") is { } err && err.Contains("restored", StringComparison.Ordinal))
            {
                restored.TrySetResult(err);
            }
        };
        victim = await client.CloneAsync(engine: EngineKinds.Native);
        bystander = await client.CloneAsync(engine: EngineKinds.Native);
        Assert.NotSame(server.Server.Sessions.Find(victim)!.Slot, server.Server.Sessions.Find(bystander)!.Slot);
        await client.EvalAsync(victim, "(def base 40) (defn add-base [n] (+ base n)) (defmacro twice [x] `(* 2 ~x))");
        await client.EvalAsync(victim, "(def base 41)");
        await client.EvalAsync(bystander, "(def mine (atom :bystander))");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private int WorkerPid(string session) => server.Server.Sessions.Find(session)!.Slot.OsProcessId ?? throw new InvalidOperationException("no worker process");

    [NativeSessionFact]
    public async Task The_session_runs_native_code_with_one_value_per_form_and_output_per_eval()
    {
        var response = await client.EvalAsync(victim, "(println \"from native\" (add-base 1)) (twice (add-base 0)) (str *1)");
        Assert.Equal(["nil", "82", "\"82\""], response.Values);
        Assert.Equal("from native 42\n", response.Out);
        var next = await client.EvalAsync(victim, "(println :second)");
        Assert.Equal(":second\n", next.Out);
    }

    [NativeSessionFact]
    public async Task A_runtime_error_is_an_eval_error_and_the_session_goes_on()
    {
        var response = await client.EvalAsync(victim, "(add-base \"x\")");
        Assert.True(response.IsError);
        Assert.Equal(":type-error", response.Ex);
        Assert.Contains("`+` expects a number, got string \"x\"", response.Err, StringComparison.Ordinal);
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
    }

    [NativeSessionFact]
    public async Task A_crash_in_generated_code_restarts_the_worker_and_restores_the_session()
    {
        var victimPid = WorkerPid(victim);
        var bystanderPid = WorkerPid(bystander);
        await client.EvalAsync(bystander, "(reset! mine :still-here)");

        var response = await client.EvalAsync(victim, $"({NativeEngine.TestCrashName})").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(response.IsError);
        Assert.Equal("worker-died", response.Ex);
        Assert.Contains("died", response.Err, StringComparison.Ordinal);
        Assert.Contains(victim, await restored.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.NotEqual(victimPid, WorkerPid(victim));
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
        Assert.Equal("10", (await client.EvalAsync(victim, "(twice 5)")).Value);
        Assert.Equal(":still-here", (await client.EvalAsync(bystander, "@mine")).Value);
        Assert.Equal(bystanderPid, WorkerPid(bystander));
    }

    [NativeSessionFact]
    public async Task Deep_recursion_is_the_stack_overflow_error_and_the_worker_lives_on()
    {
        var victimPid = WorkerPid(victim);
        var response = await client.EvalAsync(victim, "(defn deep [n] (+ 1 (deep n))) (deep 1)");
        Assert.True(response.IsError);
        Assert.Equal(":stack-overflow", response.Ex);
        Assert.Equal(victimPid, WorkerPid(victim));
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
    }

    [NativeSessionFact]
    public async Task An_interrupt_stops_native_code_at_its_next_call()
    {
        var victimPid = WorkerPid(victim);
        await client.EvalAsync(victim, "(defn step [i] (inc i))");
        var running = client.CallAsync(Message.Create(("op", "eval"), ("id", "spin"), ("session", victim), ("code", "(loop [i 0] (recur (step i)))")));
        await Task.Delay(300);
        await client.CallAsync(Message.Create(("op", "interrupt"), ("session", victim), ("interrupt-id", "spin")));
        var replies = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(replies, r => r.Has("status", "interrupted"));
        Assert.Equal(victimPid, WorkerPid(victim));
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
    }

    [NativeSessionFact]
    public async Task A_loop_that_calls_nothing_costs_its_worker_after_the_grace_period()
    {
        var victimPid = WorkerPid(victim);
        var running = client.CallAsync(Message.Create(("op", "eval"), ("id", "tight"), ("session", victim), ("code", "(loop [i 0] (recur i))")));
        await Task.Delay(300);
        await client.CallAsync(Message.Create(("op", "interrupt"), ("session", victim), ("interrupt-id", "tight")));
        var replies = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(replies, r => r.Has("status", "interrupted"));
        Assert.Contains(victim, await restored.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.NotEqual(victimPid, WorkerPid(victim));
        Assert.Equal("42", (await client.EvalAsync(victim, "(add-base 1)")).Value);
    }
}
