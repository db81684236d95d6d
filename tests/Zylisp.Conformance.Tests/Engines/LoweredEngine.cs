using Zylisp.Conformance.Tests.Lowered;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs a program with every top-level form lowered and the lowered IR evaluated
/// (<see cref="LoweredExecutionEngine"/>), so each corpus program checks that lowering keeps its meaning.
/// The prelude's definitions go through the same engine.
/// </summary>
public sealed class LoweredEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(30);

    public string Name => "lowered";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "compiler" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var cancel = new CancellationTokenSource(RunawayGuard);
        var engine = new Engine(new EngineOptions { Out = stdout, Error = stderr, CreateExecutionEngine = () => new LoweredExecutionEngine() });
        var result = engine.RunFile(path, args, cancel.Token);
        return new ProgramOutcome(stdout.ToString(), result.ExitCode, stderr.ToString());
    }
}
