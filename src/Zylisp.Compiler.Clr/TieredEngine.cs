using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// The <c>tiered</c> engine: the interpreter runs every form, so one-shot code never pays for
/// the compiler; a fn expression whose functions together reach <see cref="Threshold"/> calls,
/// trampoline steps and loop iterations is compiled to IL, and its function values (the same
/// objects, so globals and closures holding them see the switch) run the compiled code from
/// their next call on.
/// </summary>
public sealed class TieredEngine(int threshold = TieredEngine.DefaultThreshold, CodeCache? cache = null) : IExecutionEngine, ITierCompiler
{
    /// <summary>
    /// Emitting a fn takes ~0.2 ms but JIT-compiling it takes about a millisecond or more
    /// (docs/benchmarks.md, compile latency), while compiled code saves some tens of nanoseconds
    /// per call or iteration; after 10,000 of them the saving has the same order as the cost.
    /// One-shot code never gets near it.
    /// </summary>
    public const int DefaultThreshold = 10_000;

    private readonly InterpreterEngine interpreter = new();
    private readonly IlCompiler compiler = new();

    public string Name => "tiered";

    public int Threshold { get; } = threshold;

    public object? Execute(TopLevel form, RunContext ctx) => interpreter.Execute(form, ctx);

    /// <summary>A hot fn's code: from the on-disk cache when given one and it has the fn, else compiled now.</summary>
    public FunctionCode? Compile(FnNode fn) => cache?.TryBind(fn) ?? compiler.CompileFunction(fn);
}
