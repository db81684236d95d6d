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
    private ArityBody0? fixed0;
    private ArityBody1? fixed1;
    private ArityBody2? fixed2;
    private ArityBody3? fixed3;

    /// <summary>Counts calls towards promotion while the arities are quick-tier code; null once they are optimized.</summary>
    private TierCounter? tierCounter;

    public CompiledTemplate(string name, ImmutableArray<CompiledArity> arities)
        : this(name, arities, null)
    {
    }

    internal CompiledTemplate(string name, ImmutableArray<CompiledArity> arities, TierCounter? tierCounter)
    {
        Name = name;
        this.tierCounter = tierCounter;
        Install(arities);
    }

    /// <summary>Whether the arities are still quick-tier code, waiting to be promoted.</summary>
    public bool IsQuickTier => tierCounter is not null;

    /// <summary>
    /// Puts optimized arities in the place of the quick ones (the promotion). Every function value
    /// of this template runs them from its next call on; an activation already running keeps its code.
    /// </summary>
    internal void Promote(ImmutableArray<CompiledArity> optimized)
    {
        Install(optimized);
        tierCounter = null;
    }

    private void Install(ImmutableArray<CompiledArity> arities)
    {
        ArityBody0? b0 = null;
        ArityBody1? b1 = null;
        ArityBody2? b2 = null;
        ArityBody3? b3 = null;
        foreach (var arity in arities)
        {
            switch (arity.Body)
            {
                case ArityBody0 body:
                    b0 = body;
                    break;
                case ArityBody1 body:
                    b1 = body;
                    break;
                case ArityBody2 body:
                    b2 = body;
                    break;
                case ArityBody3 body:
                    b3 = body;
                    break;
            }
        }

        // Another thread may call meanwhile: each field is replaced whole, and quick and optimized
        // arities are the same program, so a call that sees a mix is still right.
        Arities = arities;
        fixed0 = b0;
        fixed1 = b1;
        fixed2 = b2;
        fixed3 = b3;
    }

    public string Name { get; }

    public ImmutableArray<CompiledArity> Arities { get; private set; }

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
        tierCounter?.Tick();
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

        tierCounter?.Tick();
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

        tierCounter?.Tick();
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

        tierCounter?.Tick();
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

        tierCounter?.Tick();
        ctx.Enter(Name);
        return ctx.CompleteCall(body(self, captured, ctx, a, b, c));
    }

    /// <summary>A trampoline step: the body alone, at the depth of the call that returned the tail call.</summary>
    public override object? InvokeStep(ZFunction self, object?[] captured, RunContext ctx, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        tierCounter?.Tick();
        return Select(args.Length).Run(self, captured, ctx, args);
    }
}
