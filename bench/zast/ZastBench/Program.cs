using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using FileSet = Zylisp.Zast.Ast.FileSet;
using File = System.IO.File;
using Zylisp.Zast.Parsing;
using Zylisp.Zast.Writing;

// ZastBench compare ROOT LIST ORACLE_OUT [REPORT]   parse+write every file (pretty) and diff with the oracle's -o output
// ZastBench write ROOT LIST OUT [--pretty]          parse+write every file in parallel into OUT (what the oracle's -o does)
if (args.Length < 4 || args[0] is not ("compare" or "write"))
{
    Console.Error.WriteLine("usage: ZastBench compare ROOT LIST ORACLE_OUT [REPORT] | ZastBench write ROOT LIST OUT [--pretty]");
    return 2;
}

var root = Path.GetFullPath(args[1]);
var paths = File.ReadAllLines(args[2]).Where(line => line.Trim().Length > 0).ToArray();
var outDir = args[3];

// The canonical document for one file, or its error lines, exactly as zast-oracle -o writes them.
(string Text, bool Ok) Render(string path, ZastFormat format)
{
    var name = Path.GetRelativePath(root, path).Replace('\\', '/');
    var fset = new FileSet();
    var result = GoParser.ParseFile(fset, name, File.ReadAllBytes(path));
    if (!result.Success)
        return (string.Concat(result.Errors.Select(error => error + "\n")), false);
    var program = new Zylisp.Zast.Ast.Program { FileSet = fset, Files = [result.File] };
    return (ZastWriter.Write(program, format), true);
}

string NameOf(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

if (args[0] == "write" && args.Contains("--parse-only"))
{
    // Diagnostic mode: parse only (sources preloaded, one thread, three rounds) to split parse time from the rest.
    var sources = paths.Select(path => (Name: NameOf(path), Bytes: File.ReadAllBytes(path))).ToArray();
    for (var round = 0; round < 3; round++)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var decls = 0L;
        foreach (var (name, bytes) in sources) decls += GoParser.ParseFile(new FileSet(), name, bytes).File.Decls.Count;
        var parseMs = stopwatch.ElapsedMilliseconds;
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        stopwatch.Restart();
        var chars = 0L;
        foreach (var (name, bytes) in sources)
        {
            var fset = new FileSet();
            var file = GoParser.ParseFile(fset, name, bytes).File;
            chars += ZastWriter.Write(new Zylisp.Zast.Ast.Program { FileSet = fset, Files = [file] }, ZastFormat.Compact).Length;
        }
        Console.Error.WriteLine($"{sources.Length} files, {sources.Sum(s => (long)s.Bytes.Length)} bytes, {decls} decls: parse {parseMs} ms (cpu {(cpu1 - cpu0).TotalMilliseconds:F0}); parse+write {stopwatch.ElapsedMilliseconds} ms (cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu1).TotalMilliseconds:F0}) ({chars} chars)");
    }
    return 0;
}

if (args[0] == "write")
{
    var format = args.Contains("--pretty") ? ZastFormat.Pretty : ZastFormat.Compact;
    var stopwatch = Stopwatch.StartNew();
    var failures = 0;
    // One worker per core (ZAST_BENCH_WORKERS overrides).
    var workers = int.TryParse(Environment.GetEnvironmentVariable("ZAST_BENCH_WORKERS"), out var w) && w > 0
        ? w : Environment.ProcessorCount;
    var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
    Parallel.ForEach(Partitioner.Create(paths, loadBalance: true), parallel, path =>
    {
        var (text, ok) = Render(path, format);
        var target = Path.Combine(outDir, NameOf(path)) + (ok ? ".zast" : ".err");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
        if (!ok) Interlocked.Increment(ref failures);
    });
    Console.Error.WriteLine($"{paths.Length} files, {failures} with errors, {stopwatch.ElapsedMilliseconds} ms " +
        $"(GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms)");
    return failures == 0 ? 0 : 1;
}

var mismatches = new ConcurrentBag<(string Name, string Reason)>();
Parallel.ForEach(paths, path =>
{
    var name = NameOf(path);
    string actual;
    bool ok;
    try
    {
        (actual, ok) = Render(path, ZastFormat.Pretty);
    }
    catch (Exception ex)
    {
        mismatches.Add((name, "exception: " + ex.GetType().Name + ": " + ex.Message + ex.StackTrace?.Split("\n").FirstOrDefault()));
        return;
    }
    var expectedPath = Path.Combine(outDir, name) + (ok ? ".zast" : ".err");
    // The oracle writes a partial tree beside NAME.err, so a .zast alone does not mean it parsed.
    var oracleFailed = File.Exists(Path.Combine(outDir, name) + ".err");
    if (!File.Exists(expectedPath) || (ok && oracleFailed))
    {
        mismatches.Add((name, ok ? "oracle reported errors, C# parsed it: " + ReadFirst(Path.Combine(outDir, name) + ".err")
                                 : "C# reported errors, oracle parsed it: " + actual.Split('\n')[0]));
        return;
    }
    var expected = File.ReadAllText(expectedPath, Encoding.UTF8);
    if (expected == actual) return;
    var e = expected.Split('\n');
    var a = actual.Split('\n');
    var line = 0;
    while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
    var context = line > 0 ? a[Math.Max(0, line - 3)..line].Select(s => s.Trim()) : [];
    mismatches.Add((name, $"line {line + 1}: expected `{(line < e.Length ? e[line].Trim() : "<eof>")}`, got `{(line < a.Length ? a[line].Trim() : "<eof>")}` after {string.Join(" | ", context)}"));
});

static string ReadFirst(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault() ?? "" : "(no output)";

var sorted = mismatches.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
var report = new StringBuilder();
report.AppendLine($"{paths.Length} files, {paths.Length - sorted.Count} identical, {sorted.Count} different");
foreach (var (name, reason) in sorted) report.AppendLine($"{name}: {(reason.Length > 400 ? reason[..400] + "…" : reason)}");
if (args.Length > 4) File.WriteAllText(args[4], report.ToString());
Console.Write(sorted.Count > 40 ? string.Join('\n', report.ToString().Split('\n').Take(41)) + "\n" : report.ToString());
return sorted.Count == 0 ? 0 : 1;
