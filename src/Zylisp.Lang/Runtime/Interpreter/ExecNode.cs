using System.Runtime.CompilerServices;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>
/// An executable node of the tree-walking interpreter, built once from the IR by
/// <see cref="ExecBuilder"/> (the IR itself has no behaviour). Nodes in tail position may return
/// <see cref="Markers.TailCall"/> or <see cref="Markers.Recur"/>; everything else returns values.
/// Hot Eval methods are AggressiveOptimization: JIT-compiled optimized on first call instead of
/// running slower ReadyToRun code (docs/design/interpreter.md, "Speed").
/// </summary>
internal abstract class ExecNode
{
    public abstract object? Eval(Frame f);

    /// <summary>The value under Clojure truthiness; comparisons override it to skip boxing.</summary>
    public virtual bool EvalTruthy(Frame f)
    {
        var t = Eval(f);
        return t is not null && (t is not bool b || b);
    }

    /// <summary>Evaluates <paramref name="nodes"/> left to right into a new array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static object?[] EvalAll(ExecNode[] nodes, Frame f)
    {
        var values = new object?[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            values[i] = nodes[i].Eval(f);
        }

        return values;
    }
}

internal sealed class ConstExec(object? value) : ExecNode
{
    public readonly object? Value = value;

    public override object? Eval(Frame f) => Value;
}

internal sealed class SlotExec(int slot) : ExecNode
{
    public readonly int Slot = slot;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f) => f.Slots[Slot].Value;
}

internal sealed class CapturedExec(int index) : ExecNode
{
    public override object? Eval(Frame f) => f.Self!.Captured[index];
}

internal sealed class SelfExec : ExecNode
{
    public override object? Eval(Frame f) => f.Self;
}

internal sealed class GlobalExec(Var v, SourceSpan? span) : ExecNode
{
    public readonly Var Var = v;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        var value = Var.Value;
        return ReferenceEquals(value, Var.Unbound) ? Undefined(f) : value;
    }

    private object? Undefined(Frame f) => RuntimeApi.ReadGlobal(f.Ctx, Var, span);
}

internal sealed class CollectionExec(CollectionKind kind, ExecNode[] items) : ExecNode
{
    public override object? Eval(Frame f)
    {
        return RuntimeApi.MakeCollection(kind, EvalAll(items, f));
    }
}

internal sealed class IfExec(ExecNode test, ExecNode then, ExecNode otherwise) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f) => test.EvalTruthy(f) ? then.Eval(f) : otherwise.Eval(f);
}

internal sealed class IfSlispExec(ExecNode test, ExecNode then, ExecNode otherwise) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f) => Truth.Slisp(test.Eval(f)) ? then.Eval(f) : otherwise.Eval(f);
}

internal sealed class DoExec(ExecNode[] statements, ExecNode result) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        foreach (var s in statements)
        {
            s.Eval(f);
        }

        return result.Eval(f);
    }
}

internal sealed class LetExec(int[] slots, ExecNode[] inits, ExecNode body) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            f.Slots[slots[i]].Value = inits[i].Eval(f);
        }

        return body.Eval(f);
    }
}

/// <summary>Runs its body until it returns something other than <see cref="Markers.Recur"/>.</summary>
internal sealed class LoopExec(int[] slots, ExecNode[] inits, ExecNode body) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            f.Slots[slots[i]].Value = inits[i].Eval(f);
        }

        return RecurLoop.Run(body, f);
    }
}

internal static class RecurLoop
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static object? Run(ExecNode body, Frame f)
    {
        var token = f.Ctx.Cancellation;
        long iterations = 0;
        while (true)
        {
            var result = body.Eval(f);
            if (!ReferenceEquals(result, Markers.Recur))
            {
                return result;
            }

            if (token.IsCancellationRequested)
            {
                token.ThrowIfCancellationRequested();
            }

            HostLoop.Poll(f.Ctx, ++iterations);
            if (f.Self is { } self && --self.Template.HotnessCountdown <= 0)
            {
                self.Template.TierUp(f.Ctx);
            }
        }
    }
}

/// <summary>A function body that is the target of recur.</summary>
internal sealed class RecurBodyExec(ExecNode body) : ExecNode
{
    public override object? Eval(Frame f) => RecurLoop.Run(body, f);
}

internal sealed class Recur1Exec(int slot, ExecNode arg) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        f.Slots[slot].Value = arg.Eval(f);
        return Markers.Recur;
    }
}

internal sealed class Recur2Exec(int slot0, ExecNode arg0, int slot1, ExecNode arg1) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        var v0 = arg0.Eval(f);
        var v1 = arg1.Eval(f);
        f.Slots[slot0].Value = v0;
        f.Slots[slot1].Value = v1;
        return Markers.Recur;
    }
}

internal sealed class RecurExec(int[] slots, ExecNode[] args) : ExecNode
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        // All arguments are evaluated before any slot changes: they may read the old values.
        var values = EvalAll(args, f);

        for (int i = 0; i < slots.Length; i++)
        {
            f.Slots[slots[i]].Value = values[i];
        }

        return Markers.Recur;
    }
}

internal sealed class FnExec(FnTemplate template, Capture[] captures) : ExecNode
{
    public override object? Eval(Frame f)
    {
        if (captures.Length == 0)
        {
            return new Closure(template, []);
        }

        var captured = new object?[captures.Length];
        for (int i = 0; i < captures.Length; i++)
        {
            var c = captures[i];
            captured[i] = c.SourceAccess switch
            {
                LocalAccess.Slot => f.Slots[c.SourceIndex].Value,
                LocalAccess.Captured => f.Self!.Captured[c.SourceIndex],
                _ => f.Self,
            };
        }

        return new Closure(template, captured);
    }
}

internal sealed class DefExec(Var v, ExecNode? init, PersistentMap meta) : ExecNode
{
    public override object? Eval(Frame f) => RuntimeApi.Define(v, init is not null, init?.Eval(f), meta);
}

internal sealed class ThrowExec(ExecNode value, string caller, SourceSpan? span) : ExecNode
{
    public override object? Eval(Frame f) => throw RuntimeApi.Throw(value.Eval(f), caller, span);
}

internal sealed class TryExec(ExecNode body, int catchSlot, ExecNode? handler, ExecNode? cleanup, SourceSpan? span) : ExecNode
{
    public override object? Eval(Frame f)
    {
        var ctx = f.Ctx;
        int depth = ctx.Depth;
        try
        {
            return body.Eval(f);
        }
        catch (Exception e) when (handler is not null && RuntimeApi.IsCatchable(e))
        {
            f.Slots[catchSlot].Value = RuntimeApi.Caught(ctx, e, depth, span);
            return handler.Eval(f);
        }
        finally
        {
            if (cleanup is not null)
            {
                ctx.RestoreDepth(depth);
                cleanup.Eval(f);
            }
        }
    }
}
