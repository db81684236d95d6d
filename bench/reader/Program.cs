// Reader throughput: Zylisp's Reader.ReadAll on a generated program vs System.Text.Json's
// JsonDocument.Parse on a JSON document of the same shape and comparable size, in the same run.
// Usage: dotnet run -c Release --project bench/reader -- [sizeMB=20] [runs=7]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Zylisp.Lang.Syntax;

int sizeMb = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;

var (zylisp, json) = Generate(sizeMb * 1024 * 1024);
byte[] jsonUtf8 = Encoding.UTF8.GetBytes(json);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zylisp text: {zylisp.Length / 1048576.0:F1} M chars; json: {jsonUtf8.Length / 1048576.0:F1} MB; runs: {runs}"));

string loadBefore = LoadAverage();
var (formCount, heapMb) = CheckedRead(zylisp);
if (formCount < 0)
{
    return 1;
}

var pauseBefore = GC.GetTotalPauseDuration();
int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
var reader = Measure(runs, () => Reader.ReadAll(zylisp, "bench.zl").Forms.Count, zylisp.Length);
var readerPause = GC.GetTotalPauseDuration() - pauseBefore;
string collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
var jsonRate = Measure(runs, () => { using var doc = JsonDocument.Parse(jsonUtf8); return doc.RootElement.GetArrayLength(); }, jsonUtf8.Length);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live form tree: {heapMb:F0} MB; GC during the reader runs (incl. warm-ups and forced GCs): {readerPause.TotalMilliseconds:F0} ms paused, gen0/1/2 collections {collections}"));
Console.WriteLine($"load average before/after: {loadBefore} / {LoadAverage()}");
Console.WriteLine("                     wall MB/s   CPU MB/s   (medians)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reader.ReadAll       {reader.Wall,9:F1}  {reader.Cpu,9:F1}   ({formCount} top-level forms; GC pauses {reader.GcShare:P0} of wall time)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JsonDocument.Parse   {jsonRate.Wall,9:F1}  {jsonRate.Cpu,9:F1}   (GC pauses {jsonRate.GcShare:P0} of wall time)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio reader/json    {reader.Wall / jsonRate.Wall,9:F2}  {reader.Cpu / jsonRate.Cpu,9:F2}"));
return 0;

// MB/s where MB = 2^20 source characters (Zylisp) or UTF-8 bytes (JSON); the texts are ASCII
// apart from a few accented letters, so the two units are nearly the same. CPU MB/s divides by
// the process's CPU time instead of wall time, which is steadier on a shared, overloaded machine
// (with workstation non-concurrent GC the collections run on the measuring thread and count too).
static (double Wall, double Cpu, double GcShare) Measure(int runs, Func<int> work, int size)
{
    work(); // warm-up: JIT and first-touch allocation
    work();
    var wall = new List<double>();
    var cpu = new List<double>();
    var gcShare = new List<double>();
    var process = Process.GetCurrentProcess();
    for (int i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        work();
        sw.Stop();
        gcShare.Add((GC.GetTotalPauseDuration() - pauseBefore) / sw.Elapsed);
        process.Refresh();
        wall.Add(size / 1048576.0 / sw.Elapsed.TotalSeconds);
        cpu.Add(size / 1048576.0 / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    wall.Sort();
    cpu.Sort();
    gcShare.Sort();
    return (wall[wall.Count / 2], cpu[cpu.Count / 2], gcShare[gcShare.Count / 2]);
}

// Reads once to check the generated program and to weigh the tree it builds; the tree is dropped
// before timing so every measured run starts from the same empty heap a single `zylisp run` has.
static (int Forms, double HeapMb) CheckedRead(string text)
{
    long before = GC.GetTotalMemory(forceFullCollection: true);
    var check = Reader.ReadAll(text, "bench.zl");
    long after = GC.GetTotalMemory(forceFullCollection: true);
    if (check.Diagnostics.Count > 0)
    {
        Console.Error.WriteLine("generated program has diagnostics: " + check.Diagnostics[0]);
        return (-1, 0);
    }

    int forms = check.Forms.Count;
    GC.KeepAlive(check);
    return (forms, (after - before) / 1048576.0);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static (string Zylisp, string Json) Generate(int targetChars)
{
    var random = new Random(42);
    var z = new StringBuilder(targetChars + 4096);
    var j = new StringBuilder(targetChars + 4096);
    j.Append('[');
    for (int n = 0; z.Length < targetChars; n++)
    {
        int a = random.Next(-1000, 100000);
        double r = Math.Round(random.NextDouble() * 1000, 3);
        string name = "process-" + n.ToString(CultureInfo.InvariantCulture);
        z.Append(CultureInfo.InvariantCulture, $";; function {n}: generated for the reader benchmark\n");
        z.Append(CultureInfo.InvariantCulture, $"(defn {name} [x y & more]\n");
        z.Append(CultureInfo.InvariantCulture, $"  \"Handles item {n}; naïve \\\"quoted\\\" text\\n\"\n");
        z.Append(CultureInfo.InvariantCulture, $"  (let [a (+ x {a}) b {{:name \"item-{n}\", :count {a % 97}, :ratio {r}, :tags #{{:alpha :beta}}}}]\n");
        z.Append(CultureInfo.InvariantCulture, $"    (if (> a 10)\n      [a b 'sym `(list ~x ~@more) @state]\n      (fmt/Println \"small\" -42 0x1F 1e-3 nil true))))\n\n");

        if (n > 0)
        {
            j.Append(",\n");
        }

        j.Append(CultureInfo.InvariantCulture, $"{{\"comment\": \"function {n}: generated for the reader benchmark\", \"op\": \"defn\", \"name\": \"{name}\", \"params\": [\"x\", \"y\", \"&\", \"more\"],\n");
        j.Append(CultureInfo.InvariantCulture, $" \"doc\": \"Handles item {n}; naïve \\\"quoted\\\" text\\n\",\n");
        j.Append(CultureInfo.InvariantCulture, $" \"let\": [\"a\", [\"+\", \"x\", {a}], \"b\", {{\"name\": \"item-{n}\", \"count\": {a % 97}, \"ratio\": {r}, \"tags\": [\"alpha\", \"beta\"]}}],\n");
        j.Append(CultureInfo.InvariantCulture, $" \"body\": [\"if\", [\">\", \"a\", 10], [\"a\", \"b\", [\"quote\", \"sym\"], [\"syntax-quote\", [\"list\", [\"unquote\", \"x\"], [\"unquote-splicing\", \"more\"]]], [\"deref\", \"state\"]],\n");
        j.Append(" [\"fmt/Println\", \"small\", -42, 31, 0.001, null, true]]}");
    }

    j.Append(']');
    return (z.ToString(), j.ToString());
}
