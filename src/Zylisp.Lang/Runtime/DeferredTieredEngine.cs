using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime.Interpreter;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// The tiered engine as the CLI starts it: the interpreter runs every form, and the tier compiler
/// is created by <paramref name="createCompiler"/> only when a function first gets hot. So
/// one-shot code (hello world, a REPL <c>(+ 1 2)</c>) never loads the IL backend's assembly,
/// which start-up measured as a cost every run paid.
/// </summary>
public sealed class DeferredTieredEngine(int threshold, Func<ITierCompiler> createCompiler) : IExecutionEngine, ITierCompiler
{
    private readonly InterpreterEngine interpreter = new();
    private ITierCompiler? compiler;

    public string Name => "tiered";

    public int Threshold { get; } = threshold;

    public object? Execute(TopLevel form, RunContext ctx) => interpreter.Execute(form, ctx);

    public FunctionCode? Compile(FnNode fn) => (compiler ??= createCompiler()).Compile(fn);
}
