using Zylisp.Compiler.Go;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Compiles every corpus program to Go ahead of time (<c>zylisp build --target go</c>'s
/// compiler) and runs the binaries. All programs build in one go build invocation, on first
/// use, so the runtime package compiles once. It has no compiler at run time: programs that
/// need one are skipped by their .needs file, and a program the front end rejects (the
/// interpreter runs the forms before the bad one; an ahead-of-time build refuses the whole
/// file) is skipped with that reason.
/// </summary>
public sealed class GoEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);
    private readonly Lazy<GoBatchOutcome?> corpus = new(BuildCorpus);

    public string Name => "go";

    private static readonly HashSet<string> GoCapabilities = ["lazy-sequences", "go-interop", "call-depth-limit"];

    public IReadOnlySet<string> Capabilities => GoCapabilities;

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        Skip.If(GoToolchain.GoPath is null, "go is not installed (apt-get install golang-go; .ci/run installs it): the go engine builds Go binaries");
        var build = corpus.Value!;
        var name = BinaryName(path);
        if (build.Rejected.TryGetValue(name, out var rejected))
        {
            var reasons = rejected.FrontEndDiagnostics.Where(d => d.IsError).Select(d => d.Id).Concat(rejected.Diagnostics.Select(d => d.ToString())).Distinct();
            Skip.If(true, $"rejected when compiled ahead of time: {string.Join("; ", reasons)}");
        }

        if (!build.Executables.TryGetValue(name, out var executable))
        {
            return new ProgramOutcome("", -1, "go build did not produce the program (a bug in the Go backend); module kept at " + build.ModuleDirectory + "\n" + build.BuildLog);
        }

        return ChildProgram.Run(executable, args, Path.GetDirectoryName(path)!, RunawayGuard);
    }

    private static string BinaryName(string fullPath) =>
        Path.GetRelativePath(RepositoryRoot.ProgramsDirectory, fullPath).Replace('/', '_').Replace('.', '_').Replace('-', '_');

    private static GoBatchOutcome? BuildCorpus()
    {
        if (GoToolchain.GoPath is null)
        {
            return null;
        }

        var module = Path.Combine(Path.GetTempPath(), "zylisp-go-corpus-" + Environment.ProcessId);
        if (Directory.Exists(module))
        {
            Directory.Delete(module, recursive: true);
        }

        var programs = ProgramCorpus.RelativePaths()
            .Select(p => Path.Combine(RepositoryRoot.ProgramsDirectory, p))
            .Where(p => ProgramCase.Load(Path.GetRelativePath(RepositoryRoot.ProgramsDirectory, p).Replace('\\', '/')).Needs.All(GoCapabilities.Contains))
            .Select(p => new GoBatchProgram(BinaryName(p), File.ReadAllText(p), p));
        return GoBatchBuilder.Build(programs, module);
    }
}
