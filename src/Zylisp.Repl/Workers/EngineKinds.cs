using Zylisp.Compiler.Clr;
using Zylisp.Lang;

namespace Zylisp.Repl.Workers;

/// <summary>
/// The engines a session may ask for (the <c>engine</c> field of <c>clone</c>, <c>--engine</c>)
/// and how a worker makes each one. A name outside <see cref="Available"/> gets an explicit
/// refusal naming the engines there are, never a silent fallback to another engine.
/// </summary>
public static class EngineKinds
{
    public const string Interpreter = "interp";

    public const string Il = "il";

    public const string Tiered = "tiered";

    /// <summary>The engine of sessions that name none: the same default as <c>zylisp run</c> and <c>zylisp repl</c>.</summary>
    public const string Default = Tiered;

    /// <summary>x86-64 machine code, one chunk per top-level form, in the worker (docs/design/native-sessions.md).</summary>
    public const string Native = "native";

    public static IReadOnlyList<string> Available { get; } =
        OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64
            ? [Interpreter, Il, Tiered, Native]
            : [Interpreter, Il, Tiered];

    /// <summary>Null when <paramref name="engine"/> can run; otherwise the message for the client.</summary>
    public static string? Problem(string engine) =>
        Available.Contains(engine) ? null
        : engine == Native ? "engine 'native' runs x86-64 code on Linux only; session engines here: " + string.Join(", ", Available)
        : $"unknown engine '{engine}'; engines: {string.Join(", ", Available)}";

    /// <summary>
    /// The execution engine behind a session's <see cref="Engine"/>. The IL compiler's assembly is
    /// loaded only by a session that asks for it (the lambdas are compiled on their first call).
    /// </summary>
    public static Func<IExecutionEngine>? ExecutorFor(string engine) => engine switch
    {
        Il => static () => new IlEngine(),
        Tiered => static () => new TieredEngine(),
        Native => static () => new Zylisp.Compiler.Native.NativeEngine(testHooks: WorkerTestHooks.Enabled),
        _ => null,
    };
}
