using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>The compiled body of a fixed arity of 0-3 parameters; returns a value or the tail-call marker.</summary>
public delegate object? ArityBody0(CompiledFunction self, RunContext ctx);

public delegate object? ArityBody1(CompiledFunction self, RunContext ctx, object? a);

public delegate object? ArityBody2(CompiledFunction self, RunContext ctx, object? a, object? b);

public delegate object? ArityBody3(CompiledFunction self, RunContext ctx, object? a, object? b, object? c);

/// <summary>The compiled body of a variadic arity, or one with more than three parameters: the arguments come as an array.</summary>
public delegate object? ArityBodyN(CompiledFunction self, RunContext ctx, object?[] args);

/// <summary>
/// A Zylisp function value made by compiled code: its shared <see cref="CompiledTemplate"/> plus
/// the values it captured. It keeps the runtime contract (docs/design/runtime-api.md) exactly as
/// the interpreter's closures do: a non-tail call enters (depth limit, interrupt poll), runs the
/// body, then completes (runs pending tail calls, leaves); a trampoline step runs the body only.
/// </summary>
public sealed class CompiledFunction : ZFunction
{
    public CompiledFunction(CompiledTemplate template, object?[] captured)
    {
        Template = template;
        Captured = captured;
    }

    public CompiledTemplate Template { get; }

    /// <summary>The captured values, in the order of the fn's captures; compiled code indexes it directly.</summary>
    public object?[] Captured { get; }

    public override string Name => Template.Name;

    public override object? Invoke(RunContext ctx, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(args);
        var arity = Template.Select(args.Length);
        ctx.Enter(Template.Name);
        return ctx.CompleteCall(arity.Run(this, ctx, args));
    }

    public override object? Invoke0(RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (Template.Fixed0 is not { } body)
        {
            return Invoke(ctx, []);
        }

        ctx.Enter(Template.Name);
        return ctx.CompleteCall(body(this, ctx));
    }

    public override object? Invoke1(RunContext ctx, object? a)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (Template.Fixed1 is not { } body)
        {
            return Invoke(ctx, [a]);
        }

        ctx.Enter(Template.Name);
        return ctx.CompleteCall(body(this, ctx, a));
    }

    public override object? Invoke2(RunContext ctx, object? a, object? b)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (Template.Fixed2 is not { } body)
        {
            return Invoke(ctx, [a, b]);
        }

        ctx.Enter(Template.Name);
        return ctx.CompleteCall(body(this, ctx, a, b));
    }

    public override object? Invoke3(RunContext ctx, object? a, object? b, object? c)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (Template.Fixed3 is not { } body)
        {
            return Invoke(ctx, [a, b, c]);
        }

        ctx.Enter(Template.Name);
        return ctx.CompleteCall(body(this, ctx, a, b, c));
    }

    /// <summary>A trampoline step: the body alone, at the depth of the call that returned the tail call.</summary>
    public override object? InvokeStep(RunContext ctx, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(args);
        return Template.Select(args.Length).Run(this, ctx, args);
    }
}
