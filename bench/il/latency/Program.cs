using System.Diagnostics;
using System.Globalization;
using Zylisp.Compiler.Clr;
using Zylisp.Lang;

// Each sample defines a fresh 10-line function (a new name and constant, so the code cache never
// answers) on the il engine and calls it once: read, expand, analyze, emit IL, JIT, run. Prints the
// p50 and p99 in milliseconds after a warm-up.
// With "interp" as the second argument the same samples run on the interpreter: the front end's
// share (read, expand, analyze, and the evaluation thread Engine.Eval starts), for comparison.
int samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
bool interp = args.Length > 1 && args[1] == "interp";
var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = interp ? null : () => new IlEngine() });
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
for (int i = 0; i < 200; i++)
{
    engine.Eval(Source(-i - 1));
}

var times = new double[samples];
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
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
Array.Sort(times);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(interp ? "interp" : "il")}: define+call latency over {samples} samples: p50 {times[samples / 2]:F3} ms, p99 {times[samples * 99 / 100]:F3} ms; CPU per sample {cpuPerSample:F3} ms"));
