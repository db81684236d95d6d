using System.Collections.Immutable;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// A top-level call of a global with constant arguments, <c>(f [1 2 3])</c> or <c>(println "x")</c>:
/// the most common REPL input. Its quick-tier method would only read the global, load the
/// constants and call, inside the filter that traces an error through the call site; yet it cost
/// a JIT compilation and a type of its own, half of a define-and-call's JIT time
/// (docs/design/il-backend.md, "Definitions without a method"). So the compiler returns that
/// action itself, with the same call site, the same global read (its undefined-symbol error) and
/// the same filter, as <see cref="DirectDefinition"/> does for a definition. Only for in-process
/// code: a persisted program keeps one method per top-level form.
/// </summary>
internal static class DirectCall
{
    /// <summary>The form's body, when it is such a call; null for anything else.</summary>
    public static ArityBody0? TryCompile(TopLevel top)
    {
        if (top.Body is not InvokeNode { Context: not NodeContext.Tail, Fn: GlobalRefNode callee } call
            || !call.Args.All(a => a is ConstNode))
        {
            return null;
        }

        var read = new GlobalRead(callee.Var, callee.Span);
        var sites = new CallSiteTable([new CallSite(call.Caller, call.Span, CallSiteTable.None)]);
        const int site = 0;
        var args = call.Args.Select(a => ((ConstNode)a).Value).ToArray();
        return (_, _, ctx) =>
        {
            try
            {
                return Call(ctx, GlobalRead.Value(read, ctx), args);
            }
            catch (Exception e) when (sites.TraceOrTake(e, site))
            {
                throw sites.Translate(e, site);
            }
        };
    }

    /// <summary>The call the method made: the fixed-arity entry for up to three arguments, else a new array (a rest parameter may keep it).</summary>
    private static object? Call(RunContext ctx, object? fn, object?[] args) => args.Length switch
    {
        0 => OutOfLineRuntime.Call0(ctx, fn),
        1 => OutOfLineRuntime.Call1(ctx, fn, args[0]),
        2 => OutOfLineRuntime.Call2(ctx, fn, args[0], args[1]),
        3 => OutOfLineRuntime.Call3(ctx, fn, args[0], args[1], args[2]),
        _ => OutOfLineRuntime.Call(ctx, fn, (object?[])args.Clone()),
    };
}
