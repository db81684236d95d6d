using System.Runtime.CompilerServices;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>How an inlined primitive reads one operand; a struct so the JIT specializes each shape.</summary>
internal interface IOperand
{
    object? Read(Frame f);
}

internal readonly struct SlotOperand(int slot) : IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? Read(Frame f) => f.Slots[slot].Value;
}

internal readonly struct ConstOperand(object? value) : IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? Read(Frame f) => value;
}

internal readonly struct NodeOperand(ExecNode node) : IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? Read(Frame f) => node.Eval(f);
}

/// <summary>A binary primitive on two longs (the fast path); other operands go to the primitive itself.</summary>
internal interface ILongOp
{
    object Apply(long a, long b);

    /// <summary>Apply's result under Clojure truthiness (any number is truthy).</summary>
    bool Truthy(long a, long b);
}

internal readonly struct AddOp : ILongOp
{
    public object Apply(long a, long b) => Box.Long(unchecked(a + b));

    public bool Truthy(long a, long b) => true;
}

internal readonly struct SubtractOp : ILongOp
{
    public object Apply(long a, long b) => Box.Long(unchecked(a - b));

    public bool Truthy(long a, long b) => true;
}

internal readonly struct MultiplyOp : ILongOp
{
    public object Apply(long a, long b) => Box.Long(unchecked(a * b));

    public bool Truthy(long a, long b) => true;
}

internal readonly struct LessOp : ILongOp
{
    public object Apply(long a, long b) => a < b ? Box.True : Box.False;

    public bool Truthy(long a, long b) => a < b;
}

internal readonly struct GreaterOp : ILongOp
{
    public object Apply(long a, long b) => a > b ? Box.True : Box.False;

    public bool Truthy(long a, long b) => a > b;
}

internal readonly struct LessOrEqualOp : ILongOp
{
    public object Apply(long a, long b) => a <= b ? Box.True : Box.False;

    public bool Truthy(long a, long b) => a <= b;
}

internal readonly struct GreaterOrEqualOp : ILongOp
{
    public object Apply(long a, long b) => a >= b ? Box.True : Box.False;

    public bool Truthy(long a, long b) => a >= b;
}

internal readonly struct EqualsOp : ILongOp
{
    public object Apply(long a, long b) => a == b ? Box.True : Box.False;

    public bool Truthy(long a, long b) => a == b;
}

/// <summary>
/// A call of a core numeric primitive through its global, inlined: while the global still holds
/// the primitive, two longs are combined right here without a call; other numbers go to the
/// primitive; if the program redefines the global, the node calls whatever it holds now.
/// </summary>
internal sealed class PrimBinaryExec<TOp, TA, TB>(Var v, Builtin primitive, TA a, TB b, string caller, SourceSpan? span)
    : CallSite(caller, span)
    where TOp : struct, ILongOp
    where TA : struct, IOperand
    where TB : struct, IOperand
{
    // The long fast path cannot throw, so only the fallback has an exception handler: errors
    // from the operands already carry the location of the call that raised them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        var x = a.Read(f);
        var y = b.Read(f);
        if (x is long l && y is long m && ReferenceEquals(v.Value, primitive))
        {
            return default(TOp).Apply(l, m);
        }

        return Slow(f, x, y);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool EvalTruthy(Frame f)
    {
        var x = a.Read(f);
        var y = b.Read(f);
        if (x is long l && y is long m && ReferenceEquals(v.Value, primitive))
        {
            return default(TOp).Truthy(l, m);
        }

        var t = Slow(f, x, y);
        return t is not null && (t is not bool bo || bo);
    }

    private object? Slow(Frame f, object? x, object? y)
    {
        try
        {
            var current = v.Value;
            return current is ZFunction z ? z.Invoke2(f.Ctx, x, y) : InvokeValue(f.Ctx, current, [x, y]);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>Inlined <c>inc</c> and <c>dec</c>; see <see cref="PrimBinaryExec{TOp, TA, TB}"/>.</summary>
internal sealed class PrimUnaryExec<TA>(long delta, Var v, Builtin primitive, TA a, string caller, SourceSpan? span)
    : CallSite(caller, span)
    where TA : struct, IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        var x = a.Read(f);
        if (x is long l && ReferenceEquals(v.Value, primitive))
        {
            return Box.Long(unchecked(l + delta));
        }

        return Slow(f, x);
    }

    private object? Slow(Frame f, object? x)
    {
        try
        {
            var current = v.Value;
            return current is ZFunction z ? z.Invoke1(f.Ctx, x) : InvokeValue(f.Ctx, current, [x]);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>Builds the inlined primitive nodes, choosing the operand shapes (slot, constant, node).</summary>
internal static class PrimitiveNodes
{
    public static ExecNode? TryBinary(PrimitiveOp op, Var v, Builtin prim, ExecNode a, ExecNode b, string caller, SourceSpan? span) => op switch
    {
        PrimitiveOp.Add => Binary<AddOp>(v, prim, a, b, caller, span),
        PrimitiveOp.Subtract => Binary<SubtractOp>(v, prim, a, b, caller, span),
        PrimitiveOp.Multiply => Binary<MultiplyOp>(v, prim, a, b, caller, span),
        PrimitiveOp.Less => Binary<LessOp>(v, prim, a, b, caller, span),
        PrimitiveOp.Greater => Binary<GreaterOp>(v, prim, a, b, caller, span),
        PrimitiveOp.LessOrEqual => Binary<LessOrEqualOp>(v, prim, a, b, caller, span),
        PrimitiveOp.GreaterOrEqual => Binary<GreaterOrEqualOp>(v, prim, a, b, caller, span),
        PrimitiveOp.NumEquals or PrimitiveOp.Equals => Binary<EqualsOp>(v, prim, a, b, caller, span),
        _ => null,
    };

    public static ExecNode? TryUnary(PrimitiveOp op, Var v, Builtin prim, ExecNode a, string caller, SourceSpan? span)
    {
        long delta = op switch
        {
            PrimitiveOp.Inc => 1,
            PrimitiveOp.Dec => -1,
            _ => 0,
        };
        if (delta == 0)
        {
            return null;
        }

        return a switch
        {
            SlotExec s => new PrimUnaryExec<SlotOperand>(delta, v, prim, new SlotOperand(s.Slot), caller, span),
            _ => new PrimUnaryExec<NodeOperand>(delta, v, prim, new NodeOperand(a), caller, span),
        };
    }

    private static ExecNode Binary<TOp>(Var v, Builtin prim, ExecNode a, ExecNode b, string caller, SourceSpan? span)
        where TOp : struct, ILongOp => (a, b) switch
        {
            (SlotExec x, SlotExec y) => new PrimBinaryExec<TOp, SlotOperand, SlotOperand>(v, prim, new(x.Slot), new(y.Slot), caller, span),
            (SlotExec x, ConstExec y) => new PrimBinaryExec<TOp, SlotOperand, ConstOperand>(v, prim, new(x.Slot), new(y.Value), caller, span),
            (SlotExec x, _) => new PrimBinaryExec<TOp, SlotOperand, NodeOperand>(v, prim, new(x.Slot), new(b), caller, span),
            (ConstExec x, SlotExec y) => new PrimBinaryExec<TOp, ConstOperand, SlotOperand>(v, prim, new(x.Value), new(y.Slot), caller, span),
            (_, SlotExec y) => new PrimBinaryExec<TOp, NodeOperand, SlotOperand>(v, prim, new(a), new(y.Slot), caller, span),
            (_, ConstExec y) => new PrimBinaryExec<TOp, NodeOperand, ConstOperand>(v, prim, new(a), new(y.Value), caller, span),
            _ => new PrimBinaryExec<TOp, NodeOperand, NodeOperand>(v, prim, new(a), new(b), caller, span),
        };
}
