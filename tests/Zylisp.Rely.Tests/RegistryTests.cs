namespace Zylisp.Rely.Tests;

public sealed class RegistryTests
{
    private static TaskProcess Idle() => TaskProcess.Start(token => Task.Delay(Timeout.Infinite, token));

    [Fact]
    public void Register_WhereIs_and_Unregister()
    {
        var registry = new Registry();
        var process = Idle();
        registry.Register("a", process);
        Assert.Same(process, registry.WhereIs("a"));
        Assert.Same(process, registry.WhereIs<TaskProcess>("a"));
        Assert.Null(registry.WhereIs<GenServerRef>("a"));
        Assert.Equal(["a"], registry.RegisteredNames);
        Assert.True(registry.Unregister("a"));
        Assert.False(registry.Unregister("a"));
        Assert.Null(registry.WhereIs("a"));
        process.Kill();
    }

    [Fact]
    public void A_name_held_by_a_live_process_cannot_be_taken()
    {
        var registry = new Registry();
        var first = Idle();
        var second = Idle();
        registry.Register("a", first);
        Assert.False(registry.TryRegister("a", second));
        Assert.Throws<ArgumentException>(() => registry.Register("a", second));
        Assert.True(registry.TryRegister("a", first));
        first.Kill();
        second.Kill();
    }

    [Fact]
    public async Task A_name_is_removed_when_its_process_exits_and_can_then_be_reused()
    {
        var registry = new Registry();
        var first = Idle();
        registry.Register("a", first);
        first.Stop(ExitReason.Shutdown);
        await first.Completion;
        Assert.Null(registry.WhereIs("a"));
        var second = Idle();
        Assert.True(registry.TryRegister("a", second));
        Assert.Same(second, registry.WhereIs("a"));
        second.Kill();
    }

    [Fact]
    public async Task StartGenServer_registers_before_the_first_message_and_refuses_a_taken_name()
    {
        var registry = new Registry();
        var server = await registry.StartGenServer("echo", new Echo());
        Assert.Same(server, registry.WhereIs("echo"));
        Assert.Equal("hi", await server.Call<string>("hi"));
        await Assert.ThrowsAsync<ArgumentException>(() => registry.StartGenServer("echo", new Echo()));
        await server.StopAsync();
        Assert.Empty(registry.RegisteredNames);
    }

    private sealed class Echo : GenServer<int>
    {
        protected override Task<int> Init(CancellationToken cancellationToken) => Task.FromResult(0);

        protected override Task<CallResult<int>> HandleCall(object request, int state) => Task.FromResult(CallResult.Reply(request, state));
    }
}
