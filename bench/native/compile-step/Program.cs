using System.Diagnostics;
using System.Globalization;
using Zylisp.Compiler.Native;

// Usage: compile-step SAMPLES FILE... Times, in this process, for each file:
//   front end: ProgramCollector.Collect (read, expand, the prelude definitions reached, lower);
//   compile step: NativeCompiler.BuildExecutable on the collected program (lowered IR → machine
//   code with Iced → ELF bytes), the part the native backend owns.
// The first sample of each is reported apart (it includes JIT-compiling the compiler itself);
// the medians are over the samples after it.
int samples = int.Parse(args[0], CultureInfo.InvariantCulture);
foreach (string file in args.Skip(1))
{
    try
    {
        Measure(file);
    }
    catch (NativeCompileException e)
    {
        Console.WriteLine($"{Path.GetFileName(file)}: not compiled natively ({e.Message})");
    }
}

return 0;

double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalMilliseconds;
}

void Measure(string file)
{
string source = File.ReadAllText(file);
NativeProgram? program = null;
double firstCollect = Time(() => program = ProgramCollector.Collect(source, file, ExitRule.CallMain).Program);
if (program is null)
{
    Console.WriteLine($"{file} does not build ahead of time");
    return;
}

byte[] image = [];
double firstCompile = Time(() => image = NativeCompiler.BuildExecutable(program));
var collects = new double[samples];
var compiles = new double[samples];
for (int i = 0; i < samples; i++)
{
    collects[i] = Time(() => ProgramCollector.Collect(source, file, ExitRule.CallMain));
    compiles[i] = Time(() => NativeCompiler.BuildExecutable(program));
}

Array.Sort(collects);
Array.Sort(compiles);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Path.GetFileName(file)} ({image.Length} bytes): compile step median {compiles[samples / 2]:F2} ms (first {firstCompile:F1} ms); front end median {collects[samples / 2]:F2} ms (first {firstCollect:F1} ms); {samples} samples"));
}
