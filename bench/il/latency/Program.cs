using System.Diagnostics;
using System.Globalization;
using Zylisp.Compiler.Clr;
using Zylisp.Lang;
using Zylisp.Lang.Runtime;

// Each sample defines a fresh 10-line function (a new name and constant, so the code cache never
// answers) on the il engine and calls it once: read, expand, analyze, emit IL, JIT, run. Prints the
// p50 and p99 in milliseconds after a warm-up (200 definitions: a warm REPL).
//   latency [samples] [mode…]   modes, each measured in turn in this one process:
//     il         the il engine as it ships (quick tier, promotion of hot fns)
//     optimized  the il engine compiling everything fully optimized at once (promotion threshold 0:
//                the engine before the quick tier), the same-run baseline
//     worker     il, evaluated as an nREPL worker session and `zylisp repl --local` do: every eval on the caller's own
//                long-lived large-stack thread (EvaluateOnCallingThread) instead of Engine.Eval
//                handing it to the engine's evaluation thread
//     interp     the interpreter: the front end's share (read, expand, analyze, the eval thread)
// Default: il optimized worker interp.
int samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
string[] modes = args.Length > 1 ? args[1..] : ["il", "optimized", "worker", "interp"];

string Source(int i) => $$"""
    (defn f{{i}} [xs]
      (loop [xs xs acc 0 n 0]
        (if (empty? xs)
          (if (= n 0)
            0
            (quot acc n))
          (let [x (first xs)
                y (if (odd? x) (* x {{i}}) (- x 1))]
            (recur (rest xs) (+ acc y) (inc n))))))
    (f{{i}} [1 2 3 4 5])
    """;

foreach (var mode in modes)
{
    string line = mode == "worker" ? OnLargeStack(() => Measure(mode)) : Measure(mode);
    Console.WriteLine(line);
}

string Measure(string mode)
{
    Func<IExecutionEngine>? create = mode switch
    {
        "interp" => null,
        "optimized" => () => new IlEngine(promotionThreshold: 0),
        "il" or "worker" => () => new IlEngine(),
        _ => throw new ArgumentException("unknown mode " + mode),
    };
    var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = create, EvaluateOnCallingThread = mode == "worker" });
    for (int i = 0; i < 200; i++)
    {
        engine.Eval(Source(-i - 1));
    }

    var times = new double[samples];
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
    long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    int gcBefore = GC.CollectionCount(0);
    for (int i = 0; i < samples; i++)
    {
        var sw = Stopwatch.StartNew();
        var result = engine.Eval(Source(i));
        times[i] = sw.Elapsed.TotalMilliseconds;
        if (!result.Success)
        {
            throw new InvalidOperationException("sample failed");
        }
    }

    // Process CPU per sample (every thread: the evaluation thread, the JIT, the GC) does not grow with
    // the machine's load the way wall-clock percentiles do.
    double cpuPerSample = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / samples;
    // Where it goes: the JIT's time (every thread) and methods compiled, and gen-0 collections.
    double jitPerSample = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds / samples;
    double methodsPerSample = (double)(System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore) / samples;
    int collections = GC.CollectionCount(0) - gcBefore;
    Array.Sort(times);
    return string.Create(CultureInfo.InvariantCulture, $"{mode,-9}: define+call latency over {samples} samples: p50 {times[samples / 2]:F3} ms, p99 {times[samples * 99 / 100]:F3} ms; CPU per sample {cpuPerSample:F3} ms (JIT {jitPerSample:F3} ms, {methodsPerSample:F1} methods; {collections} gen-0 GCs)");
}

static string OnLargeStack(Func<string> work)
{
    string result = "";
    var thread = LargeStackThread.Start(() => result = work(), 512 * 1024 * 1024, "worker session");
    thread.Join();
    return result;
}
