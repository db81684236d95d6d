using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Zylisp.Rely;

// Each scenario runs against a baseline doing the same work without rely, in the same process
// and run, so the ratio survives a noisy shared machine. Figures are medians of several runs.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
Console.WriteLine("| scenario | rely (median) | baseline (median) | ratio |");
Console.WriteLine("|---|---|---|---|");
await Report("crash + restart of a task child", "µs/cycle", 10_000, SupervisorRestarts, TaskStartAndExit);
await Report("GenServer call round trip", "µs/call", 100_000, GenServerCalls, ChannelPingPong);
await Report("ProcessWorker exit + restart (`true`)", "µs/cycle", 200, ProcessWorkerRestarts, ProcessStartAndWait);

async Task Report(string name, string unit, int n, Func<int, Task<TimeSpan>> rely, Func<int, Task<TimeSpan>> baseline)
{
    await rely(Math.Max(1, n / 10));
    await baseline(Math.Max(1, n / 10));
    var relyTimes = new List<double>();
    var baseTimes = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        relyTimes.Add((await rely(n)).TotalMicroseconds / n);
        baseTimes.Add((await baseline(n)).TotalMicroseconds / n);
    }
    var r = Median(relyTimes);
    var b = Median(baseTimes);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r:F2} {unit} | {b:F2} {unit} | {r / b:F2}x |"));
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static async Task<TimeSpan> SupervisorRestarts(int cycles)
{
    var attempts = 0;
    var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var spec = ChildSpec.FromTask("crasher", async token =>
    {
        if (Interlocked.Increment(ref attempts) <= cycles)
        {
            throw new InvalidOperationException("crash");
        }
        settled.TrySetResult();
        await Task.Delay(Timeout.Infinite, token);
    });
    var options = new SupervisorOptions { Backoff = RestartBackoff.None, Intensity = new RestartIntensity(int.MaxValue, TimeSpan.FromSeconds(1)) };
    var clock = Stopwatch.StartNew();
    var supervisor = await Supervisor.StartAsync(options, [spec]);
    await settled.Task;
    var elapsed = clock.Elapsed;
    await supervisor.StopAsync();
    return elapsed;
}

static async Task<TimeSpan> TaskStartAndExit(int cycles)
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < cycles; i++)
    {
        try
        {
            await Task.Run(() => throw new InvalidOperationException("crash"));
        }
        catch (InvalidOperationException)
        {
        }
    }
    return clock.Elapsed;
}

static async Task<TimeSpan> GenServerCalls(int calls)
{
    var server = await GenServer.StartAsync(new Echo());
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        await server.Call("ping");
    }
    var elapsed = clock.Elapsed;
    await server.StopAsync();
    return elapsed;
}

static async Task<TimeSpan> ChannelPingPong(int calls)
{
    var mailbox = Channel.CreateUnbounded<TaskCompletionSource<object?>>(new UnboundedChannelOptions { SingleReader = true });
    var loop = Task.Run(async () =>
    {
        await foreach (var reply in mailbox.Reader.ReadAllAsync())
        {
            reply.TrySetResult("ping");
        }
    });
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        var reply = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        mailbox.Writer.TryWrite(reply);
        await reply.Task;
    }
    var elapsed = clock.Elapsed;
    mailbox.Writer.Complete();
    await loop;
    return elapsed;
}

static async Task<TimeSpan> ProcessWorkerRestarts(int cycles)
{
    var started = 0;
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    using var bus = new EventBus();
    using var counter = bus.Subscribe<ChildStarted>(_ =>
    {
        if (Interlocked.Increment(ref started) == cycles + 1)
        {
            done.TrySetResult();
        }
    }, capacity: cycles + 10);
    var options = new SupervisorOptions { Events = bus, Backoff = RestartBackoff.None, Intensity = new RestartIntensity(int.MaxValue, TimeSpan.FromSeconds(1)) };
    var clock = Stopwatch.StartNew();
    var supervisor = await Supervisor.StartAsync(options, [ChildSpec.ForProcessWorker("true", new ProcessWorkerOptions("true"))]);
    await done.Task;
    var elapsed = clock.Elapsed;
    await supervisor.StopAsync();
    return elapsed;
}

static async Task<TimeSpan> ProcessStartAndWait(int cycles)
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < cycles; i++)
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
    }
    return clock.Elapsed;
}

internal sealed class Echo : GenServer<int>
{
    protected override Task<int> Init(CancellationToken cancellationToken) => Task.FromResult(0);

    protected override Task<CallResult<int>> HandleCall(object request, int state) => Task.FromResult(CallResult.Reply(request, state));
}
