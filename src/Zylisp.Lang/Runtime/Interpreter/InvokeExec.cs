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

    protected bool Trace(Exception e)
    {
        if (e is ZylispException z)
        {
            // An error is located at its innermost call site, but not inside the prelude when a
            // program's own call led there: `(let [[a] 5] …)` failing in the prelude's nth is the
            // program's error, reported at its line (the trace still shows the prelude frames).
            if (z.Value is ErrorValue error && (error.Span is null || (InPrelude(error.Span) && !InPrelude(Span))))
            {
                if (error.Span is not null)
                {
                    BlameCalledFunction(error, z.Trace);
                }

                error.Span = Span;
            }

            z.AddFrame(Caller, Span);
        }

        return false;
    }

    private static bool InPrelude(SourceSpan? span) => span?.File == Prelude.PreludeSource.FileName;

    /// <summary>
    /// A prelude function failing in a core function it calls by name, (zero? "a") failing in `==`,
    /// names the function the program called: "`zero?` expects a number". The trace so far is all
    /// prelude frames; the innermost call site must spell the failing function's name, so a
    /// function the program passed in, (update m :k inc) failing in `inc`, keeps its own name.
    /// </summary>
    private static void BlameCalledFunction(ErrorValue error, IReadOnlyList<Diagnostics.ZylispStackFrame> trace)
    {
        if (error.DiagnosticId != Diagnostics.DiagnosticIds.WrongType || error.Args is not [string failed, ..] || trace.Count == 0
            || trace[0].Span is not { } site || !InPrelude(site) || trace[^1].FunctionName == failed)
        {
            return;
        }

        string text = Prelude.PreludeSource.Text;
        int head = site.StartOffset + 1;
        if (site.StartOffset < text.Length && text[site.StartOffset] == '(' && head + failed.Length <= text.Length
            && string.CompareOrdinal(text, head, failed, 0, failed.Length) == 0
            && (head + failed.Length == text.Length || text[head + failed.Length] is ' ' or ')' or '\n'))
        {
            error.BlameFunction(trace[^1].FunctionName);
        }
    }

    protected ZylispException Translate(Exception e)
    {
        var z = HostErrors.ToZylisp(e, Span);
        z.AddFrame(Caller, Span);
        return z;
    }

    protected static bool IsHost(Exception e) => e is not ZylispException and not OperationCanceledException;

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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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

            if (target is Closure c)
            {
                // Checked here, not when the trampoline runs it: by then this call site has
                // returned, and a wrong-arity error would point at some outer caller (or nowhere).
                c.Template.Select(values.Length);
                f.Ctx.TailFn = c;
                f.Ctx.TailArgs = values;
                return Markers.TailCall;
            }

            return InvokeValue(f.Ctx, target, values);
        }
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
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
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
        {
            throw Translate(e);
        }
    }
}
