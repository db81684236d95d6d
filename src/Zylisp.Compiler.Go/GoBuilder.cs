using System.Text.RegularExpressions;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Go;

/// <summary>What a build or emit produced: success, and the diagnostics to show (front-end ones with their sources).</summary>
public sealed record GoBuildOutcome(bool Success, IReadOnlyList<GoDiagnostic> Diagnostics, IReadOnlyList<Diagnostic> FrontEndDiagnostics, SourceRegistry? Sources)
{
    /// <summary>The generated module, kept on disk when go build failed.</summary>
    public string? KeptModule { get; init; }
}

/// <summary>
/// The Go target's commands as a library: build an executable, or write the module or its zast.
/// The CLI only reads the file and prints the outcome.
/// </summary>
public static partial class GoBuilder
{
    /// <summary>Compiles the program and builds an executable at <paramref name="output"/> with go build.</summary>
    public static GoBuildOutcome Build(string source, string file, string output)
    {
        if (GoToolchain.GoPath is null)
        {
            return Failed(GoDiagnostics.NoGoToolchain());
        }

        var timer = GoPhaseTimer.FromEnvironment();
        timer.Mark("start");
        var compiled = GoCompiler.CompileSource(source, file, timer);
        if (!compiled.Success)
        {
            return Outcome(compiled, false);
        }

        // mkdtemp(3): a fresh private folder without formatting a Guid.
        var module = Directory.CreateTempSubdirectory("zylisp-go-").FullName;
        var programFiles = compiled.Files;
        GoModule.WriteTo(module, programFiles);
        var linked = GoRuntimeCache.TryLinkEmbedded(module);
        IReadOnlyList<GoModuleFile> written = programFiles;
        if (!linked)
        {
            var runtimeFiles = GoModule.RuntimeFiles();
            GoModule.WriteTo(module, runtimeFiles);
            written = [.. programFiles, .. runtimeFiles];
        }

        timer.Mark("write module");
        var logFile = module + ".log";
        var (exit, log) = GoToolchain.Build(module, output, logFile);
        File.Delete(logFile);
        timer.Mark("go build");
        if (exit == 0)
        {
            if (linked)
            {
                File.Delete(Path.Combine(module, "rt"));
            }

            GoModule.Delete(module, written);
            timer.Mark("clean up");
            return Outcome(compiled, true);
        }

        if (linked)
        {
            // The kept module is for reading and rebuilding by hand: give it its own copy of rt.
            File.Delete(Path.Combine(module, "rt"));
            GoModule.WriteTo(module, GoModule.RuntimeFiles());
        }

        var diagnostics = InteropErrors(compiled, log);
        return Outcome(compiled, false) with
        {
            Diagnostics = diagnostics.Count > 0 ? diagnostics : [GoDiagnostics.GoBuildFailed(module, log.TrimEnd())],
            KeptModule = module,
        };
    }

    /// <summary>Writes the Go module (go.mod, main.go, rt/) to <paramref name="directory"/> without building it.</summary>
    public static GoBuildOutcome EmitGo(string source, string file, string directory)
    {
        var compiled = GoCompiler.CompileSource(source, file);
        if (compiled.Success)
        {
            GoModule.WriteTo(directory, [.. compiled.Files, .. GoModule.RuntimeFiles()]);
        }

        return Outcome(compiled, compiled.Success);
    }

    /// <summary>Writes the canonical S-expression form of the generated main.go to <paramref name="path"/>.</summary>
    public static GoBuildOutcome EmitZast(string source, string file, string path)
    {
        var compiled = GoCompiler.CompileSource(source, file);
        if (compiled.Success)
        {
            File.WriteAllText(path, compiled.MainZast);
        }

        return Outcome(compiled, compiled.Success);
    }

    private static GoBuildOutcome Outcome(GoCompileResult compiled, bool success) =>
        new(success, compiled.Diagnostics, compiled.FrontEndDiagnostics, compiled.Sources);

    private static GoBuildOutcome Failed(GoDiagnostic diagnostic) => new(false, [diagnostic], [], null);

    /// <summary>
    /// Go's errors on lines of Go interop calls are the user's (a function that does not exist, a
    /// wrong argument count): report them at the Zylisp call, whose location the call carries.
    /// </summary>
    private static List<GoDiagnostic> InteropErrors(GoCompileResult compiled, string log)
    {
        var lines = compiled.MainGo.Split('\n');
        var found = new List<GoDiagnostic>();
        foreach (Match m in GoError().Matches(log))
        {
            int line = int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (line < 1 || line > lines.Length || InteropCall().Match(lines[line - 1]) is not { Success: true } call)
            {
                return [];
            }

            compiled.InteropCallSites.TryGetValue(call.Groups["where"].Value, out var span);
            found.Add(GoDiagnostics.GoInteropError(call.Groups["name"].Value, m.Groups["message"].Value.Trim(), span));
        }

        return found;
    }

    [GeneratedRegex(@"^\S*main\.go:(?<line>\d+):\d+: (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex GoError();

    [GeneratedRegex(@"rt\.GoCall\(""(?<name>[^""]+)"", ""(?<where>[^""]+)""")]
    private static partial Regex InteropCall();
}

/// <summary>One program of a batch build: a name for its binary, and its source.</summary>
public sealed record GoBatchProgram(string Name, string Source, string File);

/// <summary>The outcome of a batch build: each built program's executable, and why the others were not built.</summary>
public sealed record GoBatchOutcome(string ModuleDirectory, IReadOnlyDictionary<string, string> Executables, IReadOnlyDictionary<string, GoCompileResult> Rejected, string BuildLog);

/// <summary>
/// Builds many programs with one go build: one module holding a main package per program and a
/// single copy of the runtime package, so the runtime compiles once and Go links the programs in
/// parallel. Used by the test suites, where building each program alone would dominate the time.
/// </summary>
public static class GoBatchBuilder
{
    /// <summary>Writes the module with a main package per program that compiles, without building; returns how many.</summary>
    public static int Emit(IEnumerable<GoBatchProgram> programs, string moduleDirectory)
    {
        GoModule.WriteTo(moduleDirectory, [new GoModuleFile("go.mod", GoModule.GoMod), .. GoModule.RuntimeFiles()]);
        int count = 0;
        foreach (var program in programs)
        {
            var compiled = GoCompiler.CompileSource(program.Source, program.File);
            if (compiled.Success)
            {
                GoModule.WriteTo(Path.Combine(moduleDirectory, "programs", program.Name), compiled.Files.Where(f => !f.Path.Contains('/') && f.Path.EndsWith(".go", StringComparison.Ordinal)));
                count++;
            }
        }

        return count;
    }

    public static GoBatchOutcome Build(IEnumerable<GoBatchProgram> programs, string moduleDirectory)
    {
        var rejected = new Dictionary<string, GoCompileResult>();
        var built = new Dictionary<string, string>();
        var binDirectory = Path.Combine(moduleDirectory, "bin");
        Directory.CreateDirectory(binDirectory);
        GoModule.WriteTo(moduleDirectory, [new GoModuleFile("go.mod", GoModule.GoMod), .. GoModule.RuntimeFiles()]);
        foreach (var program in programs)
        {
            var compiled = GoCompiler.CompileSource(program.Source, program.File);
            if (!compiled.Success)
            {
                rejected[program.Name] = compiled;
                continue;
            }

            GoModule.WriteTo(Path.Combine(moduleDirectory, "programs", program.Name), compiled.Files.Where(f => !f.Path.Contains('/') && f.Path.EndsWith(".go", StringComparison.Ordinal)));
            built[program.Name] = Path.Combine(binDirectory, program.Name);
        }

        var (_, log) = built.Count == 0 ? (0, "") : GoToolchain.Run(moduleDirectory, ["build", .. GoToolchain.BuildFlags, "-o", binDirectory + Path.DirectorySeparatorChar, "./programs/..."]);
        var executables = built.Where(b => File.Exists(b.Value)).ToDictionary(b => b.Key, b => b.Value);
        return new GoBatchOutcome(moduleDirectory, executables, rejected, log);
    }
}
