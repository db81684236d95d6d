using System.Diagnostics;
using Zylisp.Rely.Tests.Support;

namespace Zylisp.Rely.Tests;

[Collection(ProcessWideCollection.Name)]
public sealed class SupervisorStressTests
{
    [Fact]
    public async Task Ten_thousand_crash_and_restart_cycles_leak_no_threads_tasks_or_handles()
    {
        await Cycles(200, []); // Warm up the thread pool and lazily created runtime handles.
        Collect();
        var threadsBefore = ThreadCount();
        var descriptorsBefore = ProcFs.Available ? ProcFs.OpenDescriptorCount() : 0;

        var samples = new List<WeakReference>();
        RunCyclesInOwnFrame(10_000, samples);
        Collect();

        // Every dead incarnation, and the stopped supervisor, must be collectable: no task, timer, registration or queue still holds it.
        var alive = samples.Select((weak, index) => (weak, index)).Where(p => p.weak.IsAlive).Select(p => p.index);
        Assert.Empty(alive);
        // Slack for the thread pool's own growth; a leak of even one thread per 1,000 cycles exceeds it.
        Assert.InRange(ThreadCount(), 0, threadsBefore + 9);
        if (ProcFs.Available)
        {
            Assert.InRange(ProcFs.OpenDescriptorCount(), 0, descriptorsBefore + 2);
        }
    }

    // Debug builds keep a method's temporaries alive until it returns; running the cycles in
    // their own frame keeps the test's frame from holding the supervisor's task.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void RunCyclesInOwnFrame(int crashes, List<WeakReference> samples) =>
        Cycles(crashes, samples).GetAwaiter().GetResult();

    private static async Task Cycles(int crashes, List<WeakReference> samples)
    {
        var attempts = 0;
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = new ChildSpec("crasher", _ =>
        {
            var process = TaskProcess.Start(async token =>
            {
                if (Interlocked.Increment(ref attempts) <= crashes)
                {
                    throw new InvalidOperationException("crash");
                }
                settled.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
            });
            lock (samples)
            {
                if (attempts % 500 == 0)
                {
                    samples.Add(new WeakReference(process));
                }
            }
            return Task.FromResult<IProcess>(process);
        });
        using var bus = new EventBus();
        var options = new SupervisorOptions
        {
            Events = bus,
            Backoff = RestartBackoff.None,
            Intensity = new RestartIntensity(int.MaxValue, TimeSpan.FromSeconds(1)),
        };
        var supervisor = await Supervisor.StartAsync(options, [spec]);
        await settled.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(crashes + 1, attempts);
        lock (samples)
        {
            samples.Add(new WeakReference(supervisor));
        }
        Assert.Equal(ExitKind.Shutdown, (await supervisor.StopAsync()).Kind);
    }

    private static void Collect()
    {
        // A pool thread's dispatch loop can hold its last work item until it runs another; give
        // every pool thread something else to run so only real references keep objects alive.
        Task.WaitAll(Enumerable.Range(0, Environment.ProcessorCount * 8).Select(_ => Task.Run(() => Thread.Sleep(1))).ToArray());
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static int ThreadCount()
    {
        using var self = Process.GetCurrentProcess();
        return self.Threads.Count;
    }
}
