using System.Diagnostics;
using Zylisp.Rely.Tests.Support;

namespace Zylisp.Rely.Tests;

[Collection(ProcessWideCollection.Name)]
public sealed class SupervisorStressTests
{
    [Fact]
    public async Task Ten_thousand_crash_and_restart_cycles_leak_no_threads_tasks_or_handles()
    {
        // Warm up exactly as the measured run works (blocking one thread on the cycles), so the
        // thread pool has already grown to the size this load asks of it.
        RunCyclesInOwnFrame(2_000, []);
        Collect();
        var dedicatedBefore = DedicatedThreadCount();
        var poolBefore = ThreadPool.ThreadCount;
        var descriptorsBefore = ProcFs.Available ? ProcFs.OpenDescriptorCount() : 0;

        var samples = new List<WeakReference>();
        RunCyclesInOwnFrame(10_000, samples);
        Collect();

        // Every dead incarnation, and the stopped supervisor, must be collectable: no task, timer, registration or queue still holds it.
        var alive = samples.Select((weak, index) => (weak, index)).Where(p => p.weak.IsAlive).Select(p => p.index);
        Assert.Empty(alive);
        // A leaked dedicated thread shows up outside the pool: a leak of even one per 1,000 cycles exceeds
        // the slack. The pool may legitimately inject threads on a busy machine (starvation heuristics),
        // so its count only has to stay bounded; a pool thread blocked per crash would blow far past it.
        Assert.InRange(DedicatedThreadCount(), 0, dedicatedBefore + 3);
        Assert.InRange(ThreadPool.ThreadCount, 0, Math.Max(poolBefore, Environment.ProcessorCount) + 32);
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

    // OS threads that are not thread-pool workers: runtime service threads plus anything started with new Thread.
    private static int DedicatedThreadCount()
    {
        using var self = Process.GetCurrentProcess();
        return self.Threads.Count - ThreadPool.ThreadCount;
    }
}
