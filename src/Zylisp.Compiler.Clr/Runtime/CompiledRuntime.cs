using System.Runtime.CompilerServices;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>
/// The few helpers emitted code calls that are not part of the runtime contract itself
/// (everything else goes straight to <see cref="Zylisp.Lang.Runtime.RuntimeApi"/> and <see cref="Zylisp.Lang.Runtime.RunContext"/>).
/// </summary>
public static class CompiledRuntime
{
    /// <summary>Clojure truth, inlined into compiled tests.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTruthy(object? value) => value is not null && (value is not bool b || b);

    /// <summary>
    /// The slow part of a typed activation's entry, run when its budget (activations the depth
    /// limit still allows, itself included) is a multiple of the function's poll interval (8 to
    /// 64): at 0, past the limit, the interpreter's stack-overflow error naming the function;
    /// every 128 levels the host stack
    /// (typed frames hold a few unboxed locals, so 128 of them stay far below the margin
    /// TryEnsureSufficientExecutionStack keeps); and an interrupt poll.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void EnterTypedSlow(RunContext ctx, int budget, string function)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (budget <= 0 || ((budget & 127) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            throw RuntimeErrors.StackOverflow(function, ctx.Options.Limits.MaxCallDepth, null);
        }

        ctx.PollInterrupt();
    }

    /// <summary>
    /// The exception filter of a typed call site: adds the site to a passing Zylisp error's stack
    /// trace (and locates an error raised without a location there), as the interpreter's call
    /// site does; never takes the exception.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TraceThrough(object exception, string caller, Lang.Syntax.SourceSpan? span) =>
        RuntimeApi.AddCallSite((Exception)exception, caller, span);

    /// <summary>The rest parameter of a variadic arity: the arguments from <paramref name="from"/> on as a list, or nil when there are none.</summary>
    public static object? RestArgs(object?[] args, int from) =>
        args.Length > from ? PersistentList.Create(args.AsSpan(from)) : null;
}
