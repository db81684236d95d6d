using System.Diagnostics;

namespace Zylisp.Compiler.Go;

/// <summary>
/// Wall-clock time of each phase of a Go build (front end, lowering, emission, printing, writing
/// the module, go build), printed to stderr when ZYLISP_GO_TIMINGS=1: what the compile-overhead
/// benchmark (bench/go/run.sh) is made of. One per build; without the variable it records nothing.
/// </summary>
public sealed class GoPhaseTimer
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly TextWriter? sink;
    private TimeSpan last;

    private GoPhaseTimer(TextWriter? sink) => this.sink = sink;

    /// <summary>A timer that prints to stderr when ZYLISP_GO_TIMINGS=1, and otherwise does nothing.</summary>
    public static GoPhaseTimer FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("ZYLISP_GO_TIMINGS") == "1" ? Console.Error : null);

    /// <summary>A timer that records nothing.</summary>
    public static GoPhaseTimer None { get; } = new(null);

    /// <summary>Ends the phase that ran since the previous mark (or since the timer started).</summary>
    public void Mark(string phase)
    {
        if (sink is null)
        {
            return;
        }

        var now = clock.Elapsed;
        sink.WriteLine(
            $"zylisp go: {phase,-14} {(now - last).TotalMilliseconds,7:F1} ms  (process {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms, " +
            $"CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms, JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms)");
        last = now;
    }
}
