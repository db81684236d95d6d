using System.Text;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// What with-meta returns for a function: the same function under a new identity, so the
/// metadata table can hold the copy's map without touching the original's.
/// </summary>
internal sealed class MetaFunction(ZFunction inner) : ZFunction
{
    public ZFunction Inner { get; } = inner;

    public override string Name => Inner.Name;

    public override object? Invoke(RunContext ctx, object?[] args) => Inner.Invoke(ctx, args);

    public override object? Invoke0(RunContext ctx) => Inner.Invoke0(ctx);

    public override object? Invoke1(RunContext ctx, object? a) => Inner.Invoke1(ctx, a);

    public override object? Invoke2(RunContext ctx, object? a, object? b) => Inner.Invoke2(ctx, a, b);

    public override object? Invoke3(RunContext ctx, object? a, object? b, object? c) => Inner.Invoke3(ctx, a, b, c);

    public override object? InvokeStep(RunContext ctx, object?[] args) => Inner.InvokeStep(ctx, args);

    public override bool AcceptsArgumentCount(int count) => Inner.AcceptsArgumentCount(count);

    public override Analysis.Arity? DeclaredArity => Inner.DeclaredArity;

    public override void Print(StringBuilder sb, bool readably) => Inner.Print(sb, readably);

    public override string ToString() => Inner.ToString();
}
