using Zylisp.Compiler.Clr;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs a program in-process on an execution engine of the IL backend: <c>il</c> (every form
/// compiled before it runs) or <c>tiered</c> with a threshold of one, so every fn called twice
/// or looping twice switches to compiled code while the program runs.
/// </summary>
public sealed class CompiledProgramEngine(string name, Func<IExecutionEngine> create) : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(30);

    public static CompiledProgramEngine Il { get; } = new("il", () => new IlEngine());

    public static CompiledProgramEngine Tiered { get; } = new("tiered", () => new TieredEngine(threshold: 1));

    public string Name { get; } = name;

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "compiler" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var cancel = new CancellationTokenSource(RunawayGuard);
        var engine = new Engine(new EngineOptions { Out = stdout, Error = stderr, CreateExecutionEngine = create });
        var result = engine.RunFile(path, args, cancel.Token);
        return new ProgramOutcome(stdout.ToString(), result.ExitCode, stderr.ToString());
    }
}
