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
public sealed class TieredEngine(int threshold = TieredEngine.DefaultThreshold) : IExecutionEngine, ITierCompiler
{
    /// <summary>
    /// Compiling a small fn costs about as much as interpreting a few hundred calls of it
    /// (docs/benchmarks.md, compile latency), so a fn is compiled after 500 calls or iterations:
    /// one-shot code never reaches it, and hot code pays a bounded interpretation tax.
    /// </summary>
    public const int DefaultThreshold = 500;

    private readonly InterpreterEngine interpreter = new();
    private readonly IlCompiler compiler = new();

    public string Name => "tiered";

    public int Threshold { get; } = threshold;

    public object? Execute(TopLevel form, RunContext ctx) => interpreter.Execute(form, ctx);

    public FunctionCode? Compile(FnNode fn) => compiler.CompileFunction(fn);
}
