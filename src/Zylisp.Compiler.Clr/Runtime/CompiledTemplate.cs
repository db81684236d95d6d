using System.Collections.Immutable;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>One compiled arity: its body delegate has the shape of the arity (see <see cref="ArityBody0"/> … <see cref="ArityBodyN"/>).</summary>
public sealed class CompiledArity(int requiredCount, bool hasRest, Delegate body)
{
    public int RequiredCount { get; } = requiredCount;

    public bool HasRest { get; } = hasRest;

    public Delegate Body { get; } = body;

    /// <summary>Runs the body with arguments from an array (already known to fit this arity).</summary>
    public object? Run(ZFunction self, object?[] captured, RunContext ctx, object?[] args) => Body switch
    {
        ArityBodyN n => n(self, captured, ctx, args),
        ArityBody0 f0 => f0(self, captured, ctx),
        ArityBody1 f1 => f1(self, captured, ctx, args[0]),
        ArityBody2 f2 => f2(self, captured, ctx, args[0], args[1]),
        ArityBody3 f3 => f3(self, captured, ctx, args[0], args[1], args[2]),
        _ => throw new InvalidOperationException("unknown arity body " + Body.GetType().Name),
    };
}

/// <summary>
/// The compiled code of one fn expression, shared by every function value it makes. It keeps the
/// runtime contract (docs/design/runtime-api.md) exactly as the interpreter's closures do: a
/// non-tail call enters (depth limit, interrupt poll), runs the body, then completes (runs
/// pending tail calls, leaves); a trampoline step runs the body only.
/// </summary>
public sealed class CompiledTemplate : FunctionCode
{
    private readonly ArityBody0? fixed0;
    private readonly ArityBody1? fixed1;
    private readonly ArityBody2? fixed2;
    private readonly ArityBody3? fixed3;

    public CompiledTemplate(string name, ImmutableArray<CompiledArity> arities)
    {
        Name = name;
        Arities = arities;
        foreach (var arity in arities)
        {
            switch (arity.Body)
            {
                case ArityBody0 b0:
                    fixed0 = b0;
                    break;
                case ArityBody1 b1:
                    fixed1 = b1;
                    break;
                case ArityBody2 b2:
                    fixed2 = b2;
                    break;
                case ArityBody3 b3:
                    fixed3 = b3;
                    break;
            }
        }
    }

    public string Name { get; }

    public ImmutableArray<CompiledArity> Arities { get; }

    /// <summary>The arity for <paramref name="count"/> arguments: an exact fixed one first, else the variadic one; else the interpreter's arity error.</summary>
    public CompiledArity Select(int count)
    {
        CompiledArity? variadic = null;
        foreach (var arity in Arities)
        {
            if (!arity.HasRest && arity.RequiredCount == count)
            {
                return arity;
            }

            if (arity.HasRest && count >= arity.RequiredCount)
            {
                variadic = arity;
            }
        }

        return variadic ?? throw RuntimeErrors.Arity(Name, count);
    }

    /// <summary>Whether some arity takes <paramref name="count"/> arguments.</summary>
    public bool Accepts(int count) => Arities.Any(a => a.RequiredCount == count || (a.HasRest && count >= a.RequiredCount));

    public override object? Invoke(ZFunction self, object?[] captured, RunContext ctx, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(args);
        var arity = Select(args.Length);
        ctx.Enter(Name);
        return ctx.CompleteCall(arity.Run(self, captured, ctx, args));
    }

    public override object? Invoke0(ZFunction self, object?[] captured, RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (fixed0 is not { } body)
        {
            return Invoke(self, captured, ctx, []);
        }

        ctx.Enter(Name);
        return ctx.CompleteCall(body(self, captured, ctx));
    }

    public override object? Invoke1(ZFunction self, object?[] captured, RunContext ctx, object? a)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (fixed1 is not { } body)
        {
            return Invoke(self, captured, ctx, [a]);
        }

        ctx.Enter(Name);
        return ctx.CompleteCall(body(self, captured, ctx, a));
    }

    public override object? Invoke2(ZFunction self, object?[] captured, RunContext ctx, object? a, object? b)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (fixed2 is not { } body)
        {
            return Invoke(self, captured, ctx, [a, b]);
        }

        ctx.Enter(Name);
        return ctx.CompleteCall(body(self, captured, ctx, a, b));
    }

    public override object? Invoke3(ZFunction self, object?[] captured, RunContext ctx, object? a, object? b, object? c)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (fixed3 is not { } body)
        {
            return Invoke(self, captured, ctx, [a, b, c]);
        }

        ctx.Enter(Name);
        return ctx.CompleteCall(body(self, captured, ctx, a, b, c));
    }

    /// <summary>A trampoline step: the body alone, at the depth of the call that returned the tail call.</summary>
    public override object? InvokeStep(ZFunction self, object?[] captured, RunContext ctx, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Select(args.Length).Run(self, captured, ctx, args);
    }
}
