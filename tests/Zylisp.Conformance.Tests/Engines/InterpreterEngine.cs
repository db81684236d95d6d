namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs a program on the tree-walking interpreter in-process through <see cref="Engine.RunFile"/>,
/// with stdout and stderr captured. A fresh <see cref="Engine"/> per run keeps programs from
/// seeing each other's globals.
/// </summary>
public sealed class InterpreterEngine : IProgramEngine
{
    // A guard against a program that never finishes, not a performance assertion: the engine checks
    // the token cooperatively, so a runaway loop ends with an error instead of hanging the test run.
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(30);

    public string Name => "interpreter";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "compiler" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var cancel = new CancellationTokenSource(RunawayGuard);
        var engine = new Engine(new EngineOptions { Out = stdout, Error = stderr });
        var result = engine.RunFile(path, args, cancel.Token);
        return new ProgramOutcome(stdout.ToString(), result.ExitCode, stderr.ToString());
    }
}
