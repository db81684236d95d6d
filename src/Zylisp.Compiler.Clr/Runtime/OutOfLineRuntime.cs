using System.Runtime.CompilerServices;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>
/// The entry points of the runtime contract (<see cref="RuntimeApi"/>) as emitted code calls
/// them: each is kept out of line. When a DynamicMethod called them directly, the JIT inlined
/// their bodies (and their callees') into every call site, and that inlining was most of the time
/// it took to compile a definition: ~2.6x the CPU per define-and-call sample of
/// bench/il/latency. A call through one of these costs a nanosecond or so more; the hot paths of
/// compiled code (inlined arithmetic, direct and typed self calls, global reads, boxing) never
/// come here. Not here: the interrupt poll of loop back edges (<see cref="RunContext.PollInterrupt"/>),
/// because the JIT does not align a loop that contains a call, which halved a tight loop's speed.
/// </summary>
public static class OutOfLineRuntime
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? Call(RunContext ctx, object? fn, object?[] args) => RuntimeApi.Call(ctx, fn, args);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? Call0(RunContext ctx, object? fn) => RuntimeApi.Call0(ctx, fn);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? Call1(RunContext ctx, object? fn, object? a) => RuntimeApi.Call1(ctx, fn, a);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? Call2(RunContext ctx, object? fn, object? a, object? b) => RuntimeApi.Call2(ctx, fn, a, b);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? Call3(RunContext ctx, object? fn, object? a, object? b, object? c) => RuntimeApi.Call3(ctx, fn, a, b, c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? TailCall(RunContext ctx, object? fn, object?[] args) => RuntimeApi.TailCall(ctx, fn, args);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? ReadGlobal(RunContext ctx, Var global, SourceSpan? span) => RuntimeApi.ReadGlobal(ctx, global, span);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? Define(Var global, bool hasValue, object? value, PersistentMap meta) => RuntimeApi.Define(global, hasValue, value, meta);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsTrue(object? value, Truthiness rule) => RuntimeApi.IsTrue(value, rule);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object MakeCollection(CollectionKind kind, object?[] values) => RuntimeApi.MakeCollection(kind, values);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ZylispException Throw(object? value, string caller, SourceSpan? span) => RuntimeApi.Throw(value, caller, span);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void CheckAnnotation(string function, string what, TypeAnnotation annotation, object? value) =>
        RuntimeApi.CheckAnnotation(function, what, annotation, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? RestArgs(object?[] args, int from) => CompiledRuntime.RestArgs(args, from);
}
