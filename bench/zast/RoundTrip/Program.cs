// Round-trips gofmt-clean Go files: the oracle's canonical S-expression for each file is built
// into an AST (ZastBuilder) and printed (GoPrinter); the output must equal the original bytes.
//
// Usage: RoundTrip SRC_ROOT ZAST_DIR LIST [PASSES]
//        RoundTrip --strip-positions SRC_ROOT ZAST_DIR LIST OUT_DIR
//        RoundTrip --csharp-parser SRC_ROOT LIST
//   The third form parses with Zylisp's own GoParser instead of the oracle and builder.
//   The second form removes every position (keeping Doc and line comments) and writes each
//   printed file to OUT_DIR, for gofmt -l to check that position-less output is gofmt-stable.
//   SRC_ROOT  the directory the oracle's -root was (file names are relative to it)
//   ZAST_DIR  the oracle's -o directory (NAME.zast per file)
//   LIST      the gofmt-clean .go files, one absolute path per line
//   PASSES    timing passes for the medians (default 3)
// Prints the identical-file rate, every failing file with its reason, and median times of the
// build and print stages (the build stage is the baseline the print stage is compared with).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Zylisp.Zast.Building;
using Zylisp.Zast.Printing;

if (args.Length == 5 && args[0] == "--strip-positions")
{
    return PrintWithoutPositions(args[1], args[2], args[3], args[4]);
}
if (args.Length == 3 && args[0] == "--csharp-parser")
{
    return RoundTripWithCSharpParser(args[1], args[2]);
}
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: RoundTrip SRC_ROOT ZAST_DIR LIST [PASSES]");
    return 2;
}
var srcRoot = args[0];
var zastDir = args[1];
var paths = File.ReadAllLines(args[2]).Where(line => line.Length > 0).ToList();
var passes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

var inputs = paths.Select(path =>
{
    var name = Path.GetRelativePath(srcRoot, path).Replace('\\', '/');
    var zastPath = ZastPathFor(zastDir, name);
    return (Name: name, Source: File.ReadAllBytes(path), Zast: File.Exists(zastPath) ? File.ReadAllText(zastPath, Encoding.UTF8) : null);
}).ToList();

var failures = new List<(string Name, string Reason)>();
var identical = 0;
var buildTimes = new List<double>();
var printTimes = new List<double>();
for (var pass = 0; pass < passes; pass++)
{
    var buildWatch = new Stopwatch();
    var printWatch = new Stopwatch();
    foreach (var input in inputs)
    {
        if (input.Zast is null)
        {
            if (pass == 0) failures.Add((input.Name, "the oracle wrote no .zast (go/parser rejected the file?)"));
            continue;
        }
        buildWatch.Start();
        var built = ZastBuilder.BuildProgram(input.Zast, input.Name);
        buildWatch.Stop();
        if (!built.Success || built.Value!.Files.Count != 1)
        {
            if (pass == 0) failures.Add((input.Name, "builder: " + string.Join("; ", built.Diagnostics.Take(3))));
            continue;
        }
        printWatch.Start();
        var printed = GoPrinter.Print(built.Value.FileSet, built.Value.Files[0]);
        printWatch.Stop();
        if (pass > 0) continue;
        if (!printed.Success)
        {
            failures.Add((input.Name, "printer: " + string.Join("; ", printed.Errors.Take(3))));
            continue;
        }
        var output = Encoding.UTF8.GetBytes(printed.Text);
        if (output.AsSpan().SequenceEqual(input.Source)) identical++;
        else failures.Add((input.Name, FirstDifference(input.Source, output)));
    }
    buildTimes.Add(buildWatch.Elapsed.TotalMilliseconds);
    printTimes.Add(printWatch.Elapsed.TotalMilliseconds);
}

var total = inputs.Count;
var bytes = inputs.Sum(input => (long)input.Source.Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"identical: {identical} / {total} = {100.0 * identical / Math.Max(1, total):F3}%"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median over {passes} passes, {bytes / 1e6:F1} MB of Go: build (baseline) {Median(buildTimes):F0} ms, print {Median(printTimes):F0} ms, print/build {Median(printTimes) / Median(buildTimes):F2}"));
foreach (var (name, reason) in failures) Console.WriteLine($"FAIL {name}: {reason}");
return failures.Count == 0 ? 0 : 1;

static int RoundTripWithCSharpParser(string srcRoot, string listPath)
{
    var paths = File.ReadAllLines(listPath).Where(line => line.Length > 0).ToList();
    var identical = 0;
    foreach (var path in paths)
    {
        var name = Path.GetRelativePath(srcRoot, path).Replace('\\', '/');
        var source = File.ReadAllBytes(path);
        var fileSet = new Zylisp.Zast.Ast.FileSet();
        var parsed = Zylisp.Zast.Parsing.GoParser.ParseFile(fileSet, name, source);
        if (!parsed.Success)
        {
            Console.WriteLine($"FAIL {name}: parser: {parsed.ErrorSummary}");
            continue;
        }
        var printed = GoPrinter.Print(fileSet, parsed.File);
        if (!printed.Success)
        {
            Console.WriteLine($"FAIL {name}: printer: {string.Join("; ", printed.Errors.Take(3))}");
            continue;
        }
        var output = Encoding.UTF8.GetBytes(printed.Text);
        if (output.AsSpan().SequenceEqual(source)) identical++;
        else Console.WriteLine($"FAIL {name}: {FirstDifference(source, output)}");
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"C# parser -> printer identical: {identical} / {paths.Count} = {100.0 * identical / Math.Max(1, paths.Count):F3}%"));
    return identical == paths.Count ? 0 : 1;
}

static int PrintWithoutPositions(string srcRoot, string zastDir, string listPath, string outDir)
{
    Directory.CreateDirectory(outDir);
    var printed = 0;
    foreach (var path in File.ReadAllLines(listPath).Where(line => line.Length > 0))
    {
        var name = Path.GetRelativePath(srcRoot, path).Replace('\\', '/');
        var zastPath = ZastPathFor(zastDir, name);
        if (!File.Exists(zastPath))
        {
            Console.WriteLine($"FAIL {name}: the oracle wrote no .zast");
            continue;
        }
        var built = ZastBuilder.BuildProgram(File.ReadAllText(zastPath, Encoding.UTF8), name);
        if (!built.Success)
        {
            Console.WriteLine($"FAIL {name}: builder: {string.Join("; ", built.Diagnostics.Take(3))}");
            continue;
        }
        var file = built.Value!.Files[0];
        PositionStripper.Strip(file);
        var result = GoPrinter.Print(file);
        if (!result.Success)
        {
            Console.WriteLine($"FAIL {name}: {string.Join("; ", result.Errors.Take(3))}");
            continue;
        }
        File.WriteAllText(Path.Combine(outDir, name.Replace('/', '%')), result.Text);
        printed++;
    }
    Console.WriteLine($"printed without positions: {printed}");
    return 0;
}

// The oracle's -o layout: OUT/NAME.zast, where NAME keeps ".go" (older builds dropped it).
static string ZastPathFor(string zastDir, string name)
{
    var withGo = Path.Combine(zastDir, name + ".zast");
    return File.Exists(withGo) ? withGo : Path.Combine(zastDir, name[..^".go".Length] + ".zast");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string FirstDifference(byte[] expected, byte[] actual)
{
    var i = 0;
    while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
    var line = 1 + expected.AsSpan(0, i).Count((byte)'\n');
    return $"differs at line {line}: expected {Excerpt(expected, i)}, got {Excerpt(actual, i)}";
}

static string Excerpt(byte[] text, int at)
{
    if (at >= text.Length) return "<end of file>";
    var start = Math.Max(0, at - 20);
    var excerpt = Encoding.UTF8.GetString(text, start, Math.Min(text.Length, at + 40) - start);
    return "\"" + excerpt.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
