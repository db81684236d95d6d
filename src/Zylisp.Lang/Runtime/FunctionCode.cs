using Zylisp.Lang.Analysis;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// Compiled code that takes over an interpreted function's calls once it is hot (the tiered
/// engine, docs/design/il-backend.md). The function value keeps its identity: its calls are
/// forwarded here with the function itself and its captured values. Non-tail entries keep the
/// runtime contract (<see cref="RunContext.Enter"/> then <see cref="RunContext.CompleteCall"/>);
/// <see cref="InvokeStep"/> is the trampoline's entry, as <see cref="ZFunction.InvokeStep"/>.
/// </summary>
public abstract class FunctionCode
{
    public abstract object? Invoke(ZFunction self, object?[] captured, RunContext ctx, object?[] args);

    public abstract object? Invoke0(ZFunction self, object?[] captured, RunContext ctx);

    public abstract object? Invoke1(ZFunction self, object?[] captured, RunContext ctx, object? a);

    public abstract object? Invoke2(ZFunction self, object?[] captured, RunContext ctx, object? a, object? b);

    public abstract object? Invoke3(ZFunction self, object?[] captured, RunContext ctx, object? a, object? b, object? c);

    public abstract object? InvokeStep(ZFunction self, object?[] captured, RunContext ctx, object?[] args);
}

/// <summary>
/// Compiles an interpreted fn once it is hot. An execution engine that implements it (the tiered
/// engine) runs forms with the interpreter, whose functions then tier up through it.
/// </summary>
public interface ITierCompiler
{
    /// <summary>Calls plus loop iterations after which an interpreted fn expression is compiled.</summary>
    int Threshold { get; }

    /// <summary>The compiled code for every arity of <paramref name="fn"/>, or null to keep interpreting it.</summary>
    FunctionCode? Compile(FnNode fn);
}
