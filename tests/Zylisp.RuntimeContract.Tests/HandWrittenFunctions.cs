using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;

namespace Zylisp.RuntimeContract.Tests;

/// <summary>
/// Functions written by hand against the public runtime contract (docs/design/runtime-api.md),
/// the way a compiler's output is: Enter/CompleteCall around the body, the tail-call protocol,
/// globals through their Var, errors and call sites through RuntimeApi.
/// </summary>
internal abstract class HandFunction(string name) : ZFunction
{
    public override string Name => name;

    public override object? Invoke(RunContext ctx, object?[] args)
    {
        ctx.Enter(name);
        return ctx.CompleteCall(InvokeStep(ctx, args));
    }

    /// <summary>The body; it may return <see cref="RunContext.TailCallMarker"/> via <see cref="RuntimeApi.TailCall"/>.</summary>
    public abstract override object? InvokeStep(RunContext ctx, object?[] args);

    /// <summary>A non-tail call from this function, recorded in the Zylisp stack trace like a compiled call site.</summary>
    protected object? CallAt(RunContext ctx, object? fn, object?[] args, int line)
    {
        try
        {
            return RuntimeApi.Call(ctx, fn, args);
        }
        catch (Exception e) when (RuntimeApi.AddCallSite(e, name, Span(line)))
        {
            throw;
        }
    }

    protected static Zylisp.Lang.Syntax.SourceSpan Span(int line) => new("hand.cs", line, 1, line, 2, 0, 1);
}

/// <summary><c>(defn pong [n] (ping n))</c>, with the call in tail position.</summary>
internal sealed class Pong(Var ping) : HandFunction("pong")
{
    public override object? InvokeStep(RunContext ctx, object?[] args) =>
        RuntimeApi.TailCall(ctx, RuntimeApi.ReadGlobal(ctx, ping, null), [args[0]]);
}

/// <summary><c>(defn dive [n] (inc (dive n)))</c>: non-tail recursion without end.</summary>
internal sealed class Dive(Var self) : HandFunction("dive")
{
    public override object? InvokeStep(RunContext ctx, object?[] args) => CallAt(ctx, RuntimeApi.ReadGlobal(ctx, self, null), args, 7);
}

/// <summary>A compiled loop with no calls: only its back-edge interrupt poll can stop it.</summary>
internal sealed class Spin() : HandFunction("spin")
{
    public override object? InvokeStep(RunContext ctx, object?[] args)
    {
        long i = 0;
        while (true)
        {
            i++;
            ctx.PollInterrupt();
        }
    }
}

/// <summary><c>(defn relay [f x] (f x))</c> as a non-tail call at hand.cs:12.</summary>
internal sealed class Relay() : HandFunction("relay")
{
    public override object? InvokeStep(RunContext ctx, object?[] args) => CallAt(ctx, args[0], [args[1]], 12);
}

/// <summary><c>(defn set-answer! [v] (def answer v))</c>.</summary>
internal sealed class SetAnswer(Var answer) : HandFunction("set-answer!")
{
    public override object? InvokeStep(RunContext ctx, object?[] args) => RuntimeApi.Define(answer, true, args[0], PersistentMap.Empty);
}

/// <summary><c>(defn fail [] (throw (ex-info "hand-made" {:k 1})))</c>, as a compiled throw.</summary>
internal sealed class Fail() : HandFunction("fail")
{
    public override object? InvokeStep(RunContext ctx, object?[] args) =>
        throw RuntimeApi.Throw(new ErrorValue("hand-made", Keyword.Of("ex-info"), PersistentMap.Empty.Assoc(Keyword.Of("k"), 1L)), "fail", Span(20));
}

/// <summary><c>(defn total [&amp; xs] (reduce + 0 xs))</c> over any number of arguments.</summary>
internal sealed class Total() : HandFunction("total")
{
    public override object? InvokeStep(RunContext ctx, object?[] args) => args.Aggregate(0L, (sum, x) => sum + (long)x!);
}
