using System.Diagnostics;
using System.Globalization;
using Zylisp.Compiler.Clr;
using Zylisp.Lang;

// Redefines one function N times on the il engine (each body new, so every definition is a new
// DynamicMethod), calling it each time, and prints after each checkpoint: the managed heap after a
// full collection, the GC's committed bytes, and the process's RSS. Flat heap + growing RSS means
// garbage the GC has not given back; a growing heap means something keeps the old definitions.
//   redefine-probe [total] [checkpoints]
int total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
int checkpoints = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => new IlEngine() });
var step = total / checkpoints;
for (int i = 1; i <= total; i++)
{
    var result = engine.Eval($"(defn f [x] (+ x {i})) (f 1)");
    if (!result.Success || !Equals(result.Value, (long)i + 1))
    {
        throw new InvalidOperationException("wrong result at " + i);
    }

    if (i % step == 0)
    {
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{i,7} definitions: heap {heap / 1024,7} KB, committed {info.TotalCommittedBytes / 1024,7} KB, RSS {self.WorkingSet64 / 1024,7} KB"));
    }
}
