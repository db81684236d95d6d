using System.Diagnostics;
using System.Globalization;
using Zylisp.Zast.Building;
using Zylisp.Zast.SExpressions;
using Zylisp.Zast.Writing;

// ZastFormatBench DIR [RUNS]: times the canonical format's reader, builder and writer over every
// .zast file under DIR (oracle output), RUNS times each, and prints medians. The baseline is
// SExprReader alone (text -> S-expression forms), measured in the same run.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: ZastFormatBench DIR [RUNS]");
    return 2;
}
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var texts = Directory.GetFiles(args[0], "*.zast", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
    .Select(File.ReadAllText).ToArray();
var megabytes = texts.Sum(text => (long)text.Length) / 1e6;
var programs = texts.Select(text => ZastBuilder.BuildProgram(text).Value ?? throw new InvalidOperationException("archive does not build")).ToArray();

var results = new (string Name, Func<long> Body)[]
{
    ("read (baseline: SExprReader only)", () => texts.Sum(text => (long)SExprReader.Read(text).Forms.Count)),
    ("build (read + ZastBuilder)", () => texts.Sum(text => ZastBuilder.BuildProgram(text).Value!.Files.Count)),
    ("write pretty (ZastWriter)", () => programs.Sum(program => (long)ZastWriter.Write(program).Length)),
    ("write compact (ZastWriter)", () => programs.Sum(program => (long)ZastWriter.Write(program, ZastFormat.Compact).Length)),
}.Select(bench => (bench.Name, Median: Median(bench.Body))).ToArray();

Console.WriteLine($"{texts.Length} files, {megabytes:F1} M chars of pretty text, median of {runs} runs");
var baseline = results[0].Median;
foreach (var (name, median) in results)
    Console.WriteLine($"{name,-36} {median * 1000:F0} ms  {megabytes / median:F1} M chars/s  {median / baseline:F2}x baseline");
return 0;

double Median(Func<long> body)
{
    body(); // warm up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        GC.KeepAlive(body());
        times.Add(stopwatch.Elapsed.TotalSeconds);
    }
    times.Sort();
    return times[times.Count / 2];
}
