using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>
/// Persisted code (docs/design/il-backend.md, "Persisted code"): a program written as an assembly
/// runs its forms on the persisted IL, gives the in-process result, and maps its IL to the .zl
/// file and line; a form the assembly has no fitting code for is compiled afresh, never run on
/// the wrong code.
/// </summary>
public class PersistedProgramTests
{
    private const string Program = """
        (defn square [x] (* x x))
        (deffunc add (a b) (:args integer integer) (:return integer) (+ a b))
        (defn report [xs] (println (map square xs) (add 2 3) '(1 "a" :k)))
        (report [1 2 3])
        (println (try (throw (ex-info "boom" {:n 1})) (catch e (ex-message e))))
        """;

    [Fact]
    public void A_persisted_program_runs_its_forms_on_the_persisted_code_and_prints_what_the_il_engine_prints()
    {
        var (program, _) = Persist(Program, "p.zl");
        var (output, persisted) = RunPersisted(program);

        Assert.Equal(RunInProcess(Program, "p.zl"), output);
        Assert.Equal("(1 4 9) 5 (1 a :k)\nboom\n", output);
        Assert.True(program.Bound >= 5, $"bound {program.Bound}, not bound {program.NotBound}");
        // Prelude helpers that only macros use are not in a program's image; they compile in-process.
        Assert.DoesNotContain(program.NotBoundForms, form => form.StartsWith("p.zl", StringComparison.Ordinal));
        Assert.Equal("il", persisted.Name);
    }

    [Fact]
    public void A_form_the_build_did_not_see_is_compiled_in_process_with_the_same_result()
    {
        var (program, _) = Persist("(println (+ 1 2))", "q.zl");
        var output = new StringWriter();
        var engine = new Engine(new EngineOptions { Out = output, EvaluateOnCallingThread = true, CreateExecutionEngine = () => new PersistedEngine(program) });
        var result = engine.RunSource("(println (+ 1 2))\n(println (eval '(* 6 7)))", "q.zl", []);
        Assert.True(result.Success);
        Assert.Equal("3\n42\n", output.ToString());
        Assert.True(program.Bound >= 1);
        Assert.True(program.NotBound >= 1);
    }

    [Fact]
    public void The_embedded_pdb_maps_the_code_to_the_zl_file_and_lines()
    {
        var (_, image) = Persist(Program, "p.zl");
        using var pe = new PEReader(new MemoryStream(image));
        var entry = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        var pdb = provider.GetMetadataReader();
        var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        Assert.Contains("p.zl", documents);
        var lines = pdb.MethodDebugInformation
            .SelectMany(m => pdb.GetMethodDebugInformation(m).GetSequencePoints())
            .Where(s => !s.IsHidden && pdb.GetString(pdb.GetDocument(s.Document).Name) == "p.zl")
            .Select(s => s.StartLine)
            .ToHashSet();
        Assert.Contains(3, lines); // the calls in report
        Assert.Contains(5, lines); // the throw
    }

    [Fact]
    public void A_dotnet_stack_trace_through_persisted_code_names_the_zl_file_and_line()
    {
        const string source = "(defn outer [] (capture) 1)\n(defn -main [] (outer) 0)";
        var (program, _) = Persist(source, "trace.zl");
        var capture = new TraceCapture();
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, EvaluateOnCallingThread = true, CreateExecutionEngine = () => new PersistedEngine(program) });
        engine.SetGlobal("capture", capture);
        Assert.True(engine.RunSource(source, "trace.zl", []).Success);
        var frames = capture.Trace!.GetFrames().Where(f => f.GetFileName() == "trace.zl").ToList();
        Assert.Contains(frames, f => f.GetFileLineNumber() == 1);
        Assert.Contains(frames, f => f.GetFileLineNumber() == 2);
    }

    [Fact]
    public void Typed_methods_are_persisted_to_be_compiled_fully_optimized_at_once_and_the_rest_to_tier()
    {
        var (_, image) = Persist(Program, "p.zl");
        var assembly = new AssemblyLoadContext("zl-test-flags", isCollectible: true).LoadFromStream(new MemoryStream(image));
        var methods = assembly.GetTypes().Single(t => t.Name == "ZylispProgram")
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith('g'))
            .ToList();
        // The typed add: long (RunContext, int budget, long, long).
        var typed = methods.Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(RunContext)).ToList();
        Assert.Single(typed);
        Assert.True(typed[0].MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
        Assert.All(methods.Except(typed), m => Assert.False(m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), m.Name));
    }

    private static (PersistedProgram Program, byte[] Image) Persist(string source, string file)
    {
        var collected = Engine.CollectProgram(source, file);
        Assert.True(collected.Success);
        var name = "zl-test-" + Guid.NewGuid().ToString("N");
        var image = ProgramWriter.Write(name, [.. collected.Definitions, .. collected.Forms], source, file, entryHost: null);
        // Loaded from a file, as a built program or a cache entry is (the runtime reads the embedded PDB of a file).
        var path = Path.Combine(Path.GetTempPath(), name + ".dll");
        File.WriteAllBytes(path, image.Assembly);
        File.WriteAllBytes(Path.ChangeExtension(path, ".pdb"), image.Pdb);
        var assembly = new AssemblyLoadContext(name, isCollectible: true).LoadFromAssemblyPath(path);
        var program = PersistedProgram.Load(assembly);
        Assert.Equal(source, program.Source);
        Assert.Equal(file, program.File);
        Assert.True(program.IsCurrent);
        return (program, image.Assembly);
    }

    private static (string Output, PersistedEngine Engine) RunPersisted(PersistedProgram program)
    {
        var output = new StringWriter();
        PersistedEngine? persisted = null;
        var engine = new Engine(new EngineOptions { Out = output, EvaluateOnCallingThread = true, CreateExecutionEngine = () => persisted = new PersistedEngine(program) });
        Assert.True(engine.RunSource(program.Source, program.File, []).Success);
        return (output.ToString(), persisted!);
    }

    private static string RunInProcess(string source, string file)
    {
        var output = new StringWriter();
        var engine = new Engine(new EngineOptions { Out = output, EvaluateOnCallingThread = true, CreateExecutionEngine = () => new IlEngine() });
        Assert.True(engine.RunSource(source, file, []).Success);
        return output.ToString();
    }

    /// <summary>A host function that records the .NET stack trace (with file and line information) of its caller.</summary>
    private sealed class TraceCapture : ZFunction
    {
        public StackTrace? Trace { get; private set; }

        public override string Name => "capture";

        public override object? Invoke(RunContext ctx, object?[] args)
        {
            Trace = new StackTrace(fNeedFileInfo: true);
            return null;
        }
    }
}
