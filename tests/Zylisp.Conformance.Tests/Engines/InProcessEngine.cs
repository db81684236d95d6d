using Zylisp.Compiler.Clr;
using Zylisp.Conformance.Tests.Lowered;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs a program in this process through <see cref="Engine.RunFile"/> on one execution engine,
/// with stdout and stderr captured; a fresh <see cref="Engine"/> per run keeps programs from
/// seeing each other's globals. The prelude's definitions go through the same engine.
/// </summary>
public sealed class InProcessEngine(string name, Func<IExecutionEngine>? create) : IProgramEngine
{
    // A guard against a program that never finishes, not a performance assertion: every engine
    // polls the token, so a runaway loop ends with an error instead of hanging the test run.
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(30);

    /// <summary>The tree-walking interpreter, the oracle.</summary>
    public static InProcessEngine Interpreter { get; } = new("interpreter", null);

    /// <summary>Every form lowered and the lowered IR evaluated: lowering must keep each program's meaning.</summary>
    public static InProcessEngine Lowered { get; } = new("lowered", () => new LoweredExecutionEngine());

    /// <summary>
    /// The il engine promotes a fn from its quick tier to optimized code after this many calls and
    /// loop back edges: a low count, so both tiers run and fns switch mid-program (even mid-loop:
    /// the running activation stays quick). The CLI's default is <see cref="IlCompiler.DefaultPromotionThreshold"/>.
    /// </summary>
    private const int QuickTierPromotionThreshold = 3;

    /// <summary>Every form compiled to IL before it runs, fresh code first in the quick tier.</summary>
    public static InProcessEngine Il { get; } = new("il", () => new IlEngine(promotionThreshold: QuickTierPromotionThreshold));

    /// <summary>Tiered with a threshold of one, so every fn called or looping twice switches to compiled code mid-program.</summary>
    public static InProcessEngine Tiered { get; } = new("tiered", () => new TieredEngine(threshold: 1));

    public string Name { get; } = name;

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "compiler", "lazy-sequences", "dotnet", "call-depth-limit", "regex-unicode-tables", "lone-surrogates" };

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
