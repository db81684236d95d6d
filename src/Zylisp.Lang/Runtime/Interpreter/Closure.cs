using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>The executable form of one fn arity, built once from <see cref="FnArity"/>.</summary>
internal sealed class ArityCode(
    string functionName,
    int requiredCount,
    bool hasRest,
    int frameSize,
    ExecNode body,
    ImmutableArray<TypeAnnotation?> paramTypes,
    ImmutableArray<string> paramNames,
    TypeAnnotation? returnType)
{
    public int RequiredCount { get; } = requiredCount;

    public bool HasRest { get; } = hasRest;

    public int FrameSize { get; } = frameSize;

    /// <summary>Binds arguments from an array into the slots, packing extra ones into the rest list.</summary>
    public void BindInto(Slot[] slots, object?[] args)
    {
        for (int i = 0; i < RequiredCount; i++)
        {
            slots[i].Value = args[i];
        }

        if (HasRest)
        {
            slots[RequiredCount].Value = args.Length > RequiredCount ? PersistentList.Create(args.AsSpan(RequiredCount)) : null;
        }
    }

    private readonly bool hasChecks = !paramTypes.IsDefaultOrEmpty || returnType is not null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public object? Run(Frame frame) => hasChecks ? RunChecked(frame) : body.Eval(frame);

    private object? RunChecked(Frame frame)
    {
        if (!paramTypes.IsDefaultOrEmpty)
        {
            for (int i = 0; i < paramTypes.Length; i++)
            {
                if (paramTypes[i] is { } t && !TypeChecks.Matches(frame.Slots[i].Value, t.Kind))
                {
                    throw RuntimeErrors.Annotation(functionName, "argument `" + paramNames[i] + "`", t.Name, frame.Slots[i].Value);
                }
            }
        }

        var result = body.Eval(frame);
        if (returnType is { } r && !TypeChecks.Matches(result, r.Kind))
        {
            throw RuntimeErrors.Annotation(functionName, "return value", r.Name, result);
        }

        return result;
    }
}

/// <summary>The shared, immutable part of every closure made by one fn expression.</summary>
internal sealed class FnTemplate
{
    public FnTemplate(FnNode source, ImmutableArray<ArityCode> arities)
    {
        Source = source;
        Name = source.Name;
        Arities = arities;
        Span = source.Span;
        var byCount = new ArityCode?[4];
        foreach (var arity in arities)
        {
            if (!arity.HasRest && arity.RequiredCount < byCount.Length)
            {
                byCount[arity.RequiredCount] = arity;
            }
        }

        Fixed0 = byCount[0];
        Fixed1 = byCount[1];
        Fixed2 = byCount[2];
        Fixed3 = byCount[3];
    }

    public string Name { get; }

    public ImmutableArray<ArityCode> Arities { get; }

    /// <summary>The IR this template was built from, for the tier compiler.</summary>
    public FnNode Source { get; }

    /// <summary>Compiled code that has taken over this fn's calls (tiered engine), or null while interpreted.</summary>
    public FunctionCode? Compiled;

    /// <summary>Calls and loop iterations left before <see cref="TierUp"/>; the first one reads the engine's threshold.</summary>
    public int HotnessCountdown = 1;

    private bool countdownStarted;

    /// <summary>
    /// Runs when <see cref="HotnessCountdown"/> reaches zero: starts the countdown from the tier
    /// compiler's threshold, or (the second time) compiles this fn so its next calls run compiled
    /// code. Without a tier compiler, or if compiling fails, the fn stays interpreted for good.
    /// </summary>
    public void TierUp(RunContext ctx)
    {
        HotnessCountdown = int.MaxValue;
        if (ctx.Host.TierCompiler is not { } compiler)
        {
            return;
        }

        if (!countdownStarted)
        {
            countdownStarted = true;
            HotnessCountdown = compiler.Threshold;
            return;
        }

#pragma warning disable CA1031 // A compiler failure must never fail the program: the interpreter keeps running it.
        try
        {
            Compiled = compiler.Compile(Source);
        }
        catch (Exception)
        {
            Compiled = null;
        }
#pragma warning restore CA1031
    }

    public SourceSpan? Span { get; }

    public ArityCode? Fixed0 { get; }

    public ArityCode? Fixed1 { get; }

    public ArityCode? Fixed2 { get; }

    public ArityCode? Fixed3 { get; }

    public ArityCode Select(int count)
    {
        ArityCode? variadic = null;
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
}

/// <summary>
/// A Zylisp function value: a template plus the values it captured when it was created.
/// Non-tail calls go through Enter/Leave (depth limit, cancellation) and run pending tail
/// calls; <see cref="InvokeStep"/> is the trampoline's entry and returns tail calls instead.
/// </summary>
internal sealed class Closure(FnTemplate template, object?[] captured) : ZFunction
{
    public readonly FnTemplate Template = template;
    public readonly object?[] Captured = captured;

    public override string Name => Template.Name;

    public override bool AcceptsArgumentCount(int count) =>
        Template.Arities.Any(a => a.RequiredCount == count || (a.HasRest && count >= a.RequiredCount));

    public override object? Invoke(RunContext ctx, object?[] args)
    {
        if (Template.Compiled is { } code)
        {
            return code.Invoke(this, Captured, ctx, args);
        }

        CountCall(ctx);
        var arity = Template.Select(args.Length);
        ctx.Enter(Template.Name);
        var frame = ctx.FrameFor(arity.FrameSize, this);
        arity.BindInto(frame.Slots, args);
        return Finish(ctx, arity.Run(frame));
    }

    public override object? Invoke0(RunContext ctx)
    {
        if (Template.Compiled is { } code)
        {
            return code.Invoke0(this, Captured, ctx);
        }

        CountCall(ctx);
        if (Template.Fixed0 is not { } arity)
        {
            return Invoke(ctx, []);
        }

        ctx.Enter(Template.Name);
        return Finish(ctx, arity.Run(ctx.FrameFor(arity.FrameSize, this)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Invoke1(RunContext ctx, object? a)
    {
        if (Template.Compiled is { } code)
        {
            return code.Invoke1(this, Captured, ctx, a);
        }

        CountCall(ctx);
        if (Template.Fixed1 is not { } arity)
        {
            return Invoke(ctx, [a]);
        }

        ctx.Enter(Template.Name);
        var frame = ctx.FrameFor(arity.FrameSize, this);
        frame.Slots[0].Value = a;
        return Finish(ctx, arity.Run(frame));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Invoke2(RunContext ctx, object? a, object? b)
    {
        if (Template.Compiled is { } code)
        {
            return code.Invoke2(this, Captured, ctx, a, b);
        }

        CountCall(ctx);
        if (Template.Fixed2 is not { } arity)
        {
            return Invoke(ctx, [a, b]);
        }

        ctx.Enter(Template.Name);
        var frame = ctx.FrameFor(arity.FrameSize, this);
        var slots = frame.Slots;
        slots[0].Value = a;
        slots[1].Value = b;
        return Finish(ctx, arity.Run(frame));
    }

    public override object? Invoke3(RunContext ctx, object? a, object? b, object? c)
    {
        if (Template.Compiled is { } code)
        {
            return code.Invoke3(this, Captured, ctx, a, b, c);
        }

        CountCall(ctx);
        if (Template.Fixed3 is not { } arity)
        {
            return Invoke(ctx, [a, b, c]);
        }

        ctx.Enter(Template.Name);
        var frame = ctx.FrameFor(arity.FrameSize, this);
        var slots = frame.Slots;
        slots[0].Value = a;
        slots[1].Value = b;
        slots[2].Value = c;
        return Finish(ctx, arity.Run(frame));
    }

    /// <summary>A trampoline step runs at the depth of the call that returned the tail call, whose frame is finished.</summary>
    public override object? InvokeStep(RunContext ctx, object?[] args)
    {
        if (Template.Compiled is { } code)
        {
            return code.InvokeStep(this, Captured, ctx, args);
        }

        CountCall(ctx);
        var arity = Template.Select(args.Length);
        var frame = ctx.FrameFor(arity.FrameSize, this);
        arity.BindInto(frame.Slots, args);
        return arity.Run(frame);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountCall(RunContext ctx)
    {
        if (--Template.HotnessCountdown <= 0)
        {
            Template.TierUp(ctx);
        }
    }

    // No try/finally here: a catch restores the depth it saved (see TryExec), which keeps this
    // hot path free of exception-handling regions.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static object? Finish(RunContext ctx, object? result) => ctx.CompleteCall(result);
}
