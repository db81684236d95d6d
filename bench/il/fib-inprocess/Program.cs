using System.Diagnostics;
using System.Globalization;
using Zylisp.Compiler.Clr;
using Zylisp.Lang;

// Typed fib(n) on the il engine and C#'s static long Fib(long) in the same process, alternating,
// best of 15 each: the compute alone, without either program's start-up (bench/il/run.sh times
// whole processes). Usage: dotnet run -c Release --project bench/il/fib-inprocess -- [n]
int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 35;
var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => new IlEngine() });
if (!engine.Eval("(deffunc fib (n) (:args integer) (:return integer) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))").Success)
{
    throw new InvalidOperationException("the definition failed");
}

double zylisp = double.MaxValue, csharp = double.MaxValue;
for (int k = 0; k < 15; k++)
{
    var sw = Stopwatch.StartNew();
    var result = engine.Eval(string.Create(CultureInfo.InvariantCulture, $"(fib {n})"));
    zylisp = Math.Min(zylisp, sw.Elapsed.TotalMilliseconds);
    sw.Restart();
    long expected = Fib(n);
    csharp = Math.Min(csharp, sw.Elapsed.TotalMilliseconds);
    if (!result.Success || !Equals(result.Value, expected))
    {
        throw new InvalidOperationException("fib gave a different result");
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"typed fib({n}) in-process, best of 15: il {zylisp:F1} ms, C# {csharp:F1} ms, ratio {zylisp / csharp:F2}"));

static long Fib(long n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
