using System.Runtime.CompilerServices;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>
/// Calls. Each call site adds itself to the Zylisp stack trace of an error passing through it
/// (an exception filter, so the non-throwing path pays nothing), and turns host exceptions
/// from primitives into Zylisp errors located at the call.
/// </summary>
internal abstract class CallSite(string caller, SourceSpan? span) : ExecNode
{
    protected readonly string Caller = caller;
    protected readonly SourceSpan? Span = span;

    /// <summary>
    /// The one exception filter of every call site: records this call in the Zylisp stack trace
    /// of any error passing through (without catching it), and catches only host failures, which
    /// <see cref="Translate"/> turns into Zylisp errors. A filter, so the normal path pays nothing;
    /// each node keeps its own try rather than sharing one in a base Eval, which would add a
    /// virtual call to every interpreted call.
    /// </summary>
    protected bool PassingThrough(Exception e) => !RuntimeApi.AddCallSite(e, Caller, Span) && RuntimeApi.IsHostFailure(e);

    protected ZylispException Translate(Exception e) => RuntimeApi.FromHostFailure(e, Caller, Span);

    /// <summary>Calls any callable value: functions, and keywords, maps, sets and vectors as lookups.</summary>
    protected static object? InvokeValue(RunContext ctx, object? fn, object?[] args) => Core.Callables.Call(ctx, fn, args);
}

internal sealed class Invoke0Exec(ExecNode fn, string caller, SourceSpan? span) : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Eval(f);
            return target is ZFunction z ? z.Invoke0(f.Ctx) : InvokeValue(f.Ctx, target, []);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

internal sealed class Invoke1Exec(ExecNode fn, ExecNode a0, string caller, SourceSpan? span) : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Eval(f);
            var x = a0.Eval(f);
            return target is ZFunction z ? z.Invoke1(f.Ctx, x) : InvokeValue(f.Ctx, target, [x]);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

internal sealed class Invoke2Exec(ExecNode fn, ExecNode a0, ExecNode a1, string caller, SourceSpan? span) : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Eval(f);
            var x = a0.Eval(f);
            var y = a1.Eval(f);
            return target is ZFunction z ? z.Invoke2(f.Ctx, x, y) : InvokeValue(f.Ctx, target, [x, y]);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

internal sealed class Invoke3Exec(ExecNode fn, ExecNode a0, ExecNode a1, ExecNode a2, string caller, SourceSpan? span) : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Eval(f);
            var x = a0.Eval(f);
            var y = a1.Eval(f);
            var z3 = a2.Eval(f);
            return target is ZFunction z ? z.Invoke3(f.Ctx, x, y, z3) : InvokeValue(f.Ctx, target, [x, y, z3]);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

internal sealed class InvokeNExec(ExecNode fn, ExecNode[] args, string caller, SourceSpan? span) : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Eval(f);
            return InvokeValue(f.Ctx, target, EvalAll(args, f));
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>
/// A call in tail position: it does not call, it records the callee and arguments and returns
/// <see cref="Markers.TailCall"/>; the nearest non-tail call runs it (a trampoline), so tail
/// calls never grow the host stack.
/// </summary>
internal sealed class TailInvokeExec(ExecNode fn, ExecNode[] args, string caller, SourceSpan? span) : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Eval(f);
            var values = EvalAll(args, f);

            return RuntimeApi.TailCall(f.Ctx, target, values);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>A one-argument call of a global function: reads the Var directly (the commonest call shape).</summary>
internal sealed class InvokeGlobal1Exec(GlobalExec fn, ExecNode a0, string caller, SourceSpan? span) : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Var.Value;
            if (target is Closure c)
            {
                // Closure is sealed: an exact type check and a direct (inlinable) call.
                return c.Invoke1(f.Ctx, a0.Eval(f));
            }

            if (target is ZFunction z)
            {
                return z.Invoke1(f.Ctx, a0.Eval(f));
            }

            target = fn.Eval(f);
            return InvokeValue(f.Ctx, target, [a0.Eval(f)]);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>A two-argument call of a global function; see <see cref="InvokeGlobal1Exec"/>.</summary>
internal sealed class InvokeGlobal2Exec(GlobalExec fn, ExecNode a0, ExecNode a1, string caller, SourceSpan? span) : CallSite(caller, span)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        try
        {
            var target = fn.Var.Value;
            if (target is Closure c)
            {
                var x = a0.Eval(f);
                return c.Invoke2(f.Ctx, x, a1.Eval(f));
            }

            if (target is ZFunction z)
            {
                var x = a0.Eval(f);
                return z.Invoke2(f.Ctx, x, a1.Eval(f));
            }

            target = fn.Eval(f);
            var x2 = a0.Eval(f);
            return InvokeValue(f.Ctx, target, [x2, a1.Eval(f)]);
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>
/// A one-argument call of the enclosing named fn (self-recursion, as in <c>(defn fib [n] … (fib …))</c>):
/// the callee is the frame's own closure, a sealed class, so the call is direct, not virtual.
/// </summary>
internal sealed class InvokeSelf1Exec(ExecNode a0, string caller, SourceSpan? span) : CallSite(caller, span)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        try
        {
            return f.Self!.Invoke1(f.Ctx, a0.Eval(f));
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>A two-argument self-call; see <see cref="InvokeSelf1Exec"/>.</summary>
internal sealed class InvokeSelf2Exec(ExecNode a0, ExecNode a1, string caller, SourceSpan? span) : CallSite(caller, span)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override object? Eval(Frame f)
    {
        try
        {
            var x = a0.Eval(f);
            return f.Self!.Invoke2(f.Ctx, x, a1.Eval(f));
        }
        catch (Exception e) when (PassingThrough(e))
        {
            throw Translate(e);
        }
    }
}
