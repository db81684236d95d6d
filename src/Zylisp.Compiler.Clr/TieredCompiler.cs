using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// The tiered engine's compiler: the interpreter runs everything first, and a fn expression whose
/// functions together reach <see cref="Threshold"/> calls plus loop iterations is compiled to IL;
/// its function values (same objects) run the compiled code from their next call on.
/// </summary>
public sealed class TieredCompiler(int threshold = TieredCompiler.DefaultThreshold) : ITierCompiler
{
    /// <summary>
    /// Compiling a small fn costs about as much as interpreting a few hundred calls of it
    /// (docs/benchmarks.md, compile latency), so a fn is compiled after 500 calls or iterations:
    /// one-shot code never reaches it, and hot code pays a bounded interpretation tax.
    /// </summary>
    public const int DefaultThreshold = 500;

    private readonly IlCompiler compiler = new();

    public int Threshold { get; } = threshold;

    public FunctionCode? Compile(FnNode fn) => compiler.CompileFunction(fn);
}
