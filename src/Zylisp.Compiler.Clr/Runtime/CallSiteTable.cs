using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>One call site of a compiled method: who calls, where, and the call site it is nested in.</summary>
public sealed record CallSite(string Caller, SourceSpan? Span, int Parent);

/// <summary>
/// The call sites of one compiled method, nested as in the source. The interpreter wraps every
/// call in an exception filter that adds it to the Zylisp stack trace; an IL try region cannot
/// start with values on the evaluation stack, so compiled code instead keeps the index of the
/// innermost running call site in a local and has one filter per method. The filter adds that
/// site and every site it is nested in, which is exactly the set of interpreter filters an
/// error passes (docs/design/il-backend.md, "Stack traces").
/// </summary>
public sealed class CallSiteTable(ImmutableArray<CallSite> sites)
{
    public const int None = -1;

    public ImmutableArray<CallSite> Sites { get; } = sites;

    /// <summary>The method's exception filter: traces a Zylisp error through the sites; takes host failures raised inside a call, to translate them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool TraceOrTake(object exception, int site)
    {
        var e = (Exception)exception;
        if (e is ZylispException)
        {
            Trace(e, site, None);
            return false;
        }

        return site != None && RuntimeApi.IsHostFailure(e);
    }

    /// <summary>A host failure raised inside <paramref name="site"/>, as the Zylisp error the interpreter's call sites make of it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Exception Translate(Exception e, int site) => TranslateUpTo(e, site, None);

    /// <summary>
    /// The filter of a <c>catch</c> whose try started inside <paramref name="stopAt"/>: adds the
    /// sites between the failure and the try, and says whether the catch takes the exception.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool TraceForCatch(object exception, int site, int stopAt)
    {
        var e = (Exception)exception;
        if (!RuntimeApi.IsCatchable(e))
        {
            return false;
        }

        if (e is ZylispException)
        {
            Trace(e, site, stopAt);
        }

        return true;
    }

    /// <summary>What the catch binds: host failures raised inside a call are translated at that call first, as the interpreter does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public object? Caught(RunContext ctx, Exception e, int depthAtTry, SourceSpan? trySpan, int site, int stopAt)
    {
        if (RuntimeApi.IsHostFailure(e) && site != stopAt)
        {
            e = TranslateUpTo(e, site, stopAt);
        }

        return RuntimeApi.Caught(ctx, e, depthAtTry, trySpan);
    }

    private void Trace(Exception e, int site, int stopAt)
    {
        for (int s = site; s != stopAt && s != None; s = Sites[s].Parent)
        {
            RuntimeApi.AddCallSite(e, Sites[s].Caller, Sites[s].Span);
        }
    }

    private ZylispException TranslateUpTo(Exception e, int site, int stopAt)
    {
        var z = RuntimeApi.FromHostFailure(e, Sites[site].Caller, Sites[site].Span);
        Trace(z, Sites[site].Parent, stopAt);
        return z;
    }
}
