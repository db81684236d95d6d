using Zylisp.Cli.Hosting;
using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Builds each corpus program as a standalone .NET program (what <c>zylisp build --target dotnet</c>
/// does, in-process: the front end collects the program, <see cref="DotnetProgramBuilder"/> writes
/// OUT, OUT.dll and the runtime beside them) and runs OUT, the launcher a user runs, as a process.
/// All programs share one output folder, so the runtime assemblies are copied once. The runtime
/// carries the compiler, so eval works; a program the front end rejects as a whole (the
/// interpreter runs the forms before the bad one; an ahead-of-time build refuses the file) is
/// skipped with that reason, as on the Go and native engines.
/// </summary>
public sealed class DotnetEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);
    private readonly Lock building = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "zylisp-dotnet-corpus-" + Environment.ProcessId);

    public string Name => "dotnet";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "compiler", "dotnet", "call-depth-limit", "regex-unicode-tables", "lone-surrogates" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        var output = Path.Combine(folder, Path.GetRelativePath(RepositoryRoot.ProgramsDirectory, path).Replace('/', '_').Replace('.', '_').Replace('-', '_'));
        lock (building)
        {
            var source = File.ReadAllText(path);
            var collected = Engine.CollectProgram(source, path);
            Skip.If(!collected.Success, "rejected when compiled ahead of time: " + string.Join("; ", collected.Diagnostics.Where(d => d.IsError).Select(d => d.Id).Distinct()));
            var host = typeof(BuiltProgramHost).GetMethod(nameof(BuiltProgramHost.RunProgram))!;
            DotnetProgramBuilder.Build([.. collected.Definitions, .. collected.Forms], source, path, output, host);
        }

        // The launcher runs `dotnet` from PATH: the one running these tests.
        var dotnetFolder = Path.GetDirectoryName(Environment.ProcessPath) ?? "";
        var environment = new Dictionary<string, string>
        {
            ["NO_COLOR"] = "1",
            ["PATH"] = dotnetFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        return ChildProgram.Run(output, args, Path.GetDirectoryName(path)!, RunawayGuard, environment);
    }
}
