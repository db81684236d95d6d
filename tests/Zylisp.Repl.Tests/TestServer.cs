using Zylisp.Repl.Client;
using Zylisp.Repl.Server;
using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Tests;

/// <summary>A server for one test, with workers as real processes (`dotnet zylisp.dll worker`) or in-process.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly List<NreplClient> clients = [];

    private TestServer(NreplServer server) => Server = server;

    public NreplServer Server { get; }

    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static WorkerLauncher ProcessLauncher(bool testHooks = false) => testHooks
        ? WorkerLauncher.Process(DotnetHost(), new Dictionary<string, string> { [WorkerTestHooks.EnvironmentVariable] = "1" }, Path.Combine(AppContext.BaseDirectory, "zylisp.dll"))
        : WorkerLauncher.Process(DotnetHost(), Path.Combine(AppContext.BaseDirectory, "zylisp.dll"));

    /// <param name="testHooks">Worker processes define WorkerTestHooks' globals (a call that ignores interrupts).</param>
    public static async Task<TestServer> StartAsync(bool processes = false, int workers = 1, WorkerLimits? limits = null, string? portFileDirectory = null, bool testHooks = false) =>
        new(await NreplServer.StartAsync(new NreplServerOptions
        {
            Workers = workers,
            Launcher = processes ? ProcessLauncher(testHooks) : WorkerLauncher.InProcess,
            Limits = limits ?? new WorkerLimits(),
            PortFileDirectory = portFileDirectory,
        }));

    public async Task<NreplClient> ConnectAsync()
    {
        var client = await NreplClient.ConnectAsync("127.0.0.1", Server.Port);
        lock (clients)
        {
            clients.Add(client);
        }

        return client;
    }

    /// <summary>A fresh client in a fresh session, as the abuse tests' "and the server still works" check.</summary>
    public async Task<string?> FreshEvalAsync(string code)
    {
        var client = await ConnectAsync();
        var session = await client.CloneAsync();
        return (await client.EvalAsync(session, code)).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
