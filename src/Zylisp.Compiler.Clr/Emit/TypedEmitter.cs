using System.Reflection;
using System.Reflection.Emit;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using CallSite = Zylisp.Compiler.Clr.Runtime.CallSite;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>The unboxed method of a typed deffunc and what its boxed entry needs to call it.</summary>
internal sealed record TypedMethod(MethodInfo Method, object[] Constants, ValueKind[] ParamKinds, ValueKind ReturnKind, IReadOnlyList<(Var Global, Builtin Primitive)> Guards);

/// <summary>
/// Emits a typed deffunc arity (checked by <see cref="TypedChecker"/>) as a static method on
/// long/double/bool: <c>long fib(object[] pool, RunContext ctx, int depth, int maxDepth, long n)</c>.
/// A non-tail self call is a direct call that does what <see cref="RunContext.Enter"/> does, with
/// the depth carried in an argument instead of the context (nothing else runs inside typed code):
/// the same limit raises the same stack-overflow error naming the function, the host stack is
/// checked every 32 levels and interrupts are polled every 8. A tail self call and recur are
/// jumps with an interrupt poll, as the trampoline would need no stack either. Integer arithmetic wraps. Errors (the depth limit, an interrupt) get the same
/// call-site trace as in boxed code.
/// </summary>
internal sealed class TypedEmitter
{
    private const int CtxArg = 1;
    private const int DepthArg = 2;
    private const int MaxDepthArg = 3;
    private const int FirstParamArg = 4;

    private readonly TypedChecker types;
    private readonly FnNode fn;
    private readonly CodeSink sink;
    private readonly MethodInfo method;
    private readonly ILGenerator il;
    private readonly List<CallSite> sites = [];
    private readonly Dictionary<LocalBinding, LocalBuilder> locals = new(ReferenceEqualityComparer.Instance);
    private readonly LocalBuilder siteLocal;
    private readonly LocalBuilder faultSite;
    private readonly LocalBuilder token;
    private int currentSite = CallSiteTable.None;
    private Label recurHead;
    private Label arityHead;
    private readonly object[] pool = new object[1];

    private TypedEmitter(FnNode fn, TypedChecker types, CodeSink sink)
    {
        this.fn = fn;
        this.types = types;
        this.sink = sink;
        (method, il) = sink.Define(
            "zl-typed:" + fn.Name,
            ClrType(types.ReturnKind),
            [typeof(object[]), typeof(RunContext), typeof(int), typeof(int), .. types.ParamKinds.Select(ClrType)]);
        siteLocal = il.DeclareLocal(typeof(int));
        faultSite = il.DeclareLocal(typeof(int));
        token = il.DeclareLocal(typeof(CancellationToken));
    }

    public static Type ClrType(ValueKind kind) => kind switch
    {
        ValueKind.Long => typeof(long),
        ValueKind.Double => typeof(double),
        _ => typeof(bool),
    };

    /// <summary>The typed method of <paramref name="fn"/>, or null when it is not in the typed subset.</summary>
    public static TypedMethod? TryCompile(FnNode fn, CodeSink sink)
    {
        if (TypedChecker.TryCheck(fn) is not { } types)
        {
            return null;
        }

        var e = new TypedEmitter(fn, types, sink);
        e.EmitMethod(fn.Arities[0]);
        e.pool[0] = new CallSiteTable([.. e.sites]);
        return new TypedMethod(e.method, e.pool, types.ParamKinds, types.ReturnKind, types.Guards);
    }

    private void EmitMethod(FnArity arity)
    {
        var result = il.DeclareLocal(ClrType(types.ReturnKind));
        var exception = il.DeclareLocal(typeof(object));
        SetSite(CallSiteTable.None);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, typeof(RunContext).GetProperty(nameof(RunContext.Cancellation))!.GetMethod!);
        il.Emit(OpCodes.Stloc, token);
        il.BeginExceptionBlock();
        for (int i = 0; i < arity.Params.Length; i++)
        {
            il.Emit(OpCodes.Ldarg, FirstParamArg + i);
            il.Emit(OpCodes.Stloc, Local(arity.Params[i]));
        }

        arityHead = il.DefineLabel();
        il.MarkLabel(arityHead);
        recurHead = arityHead;
        Emit(arity.Body);
        il.Emit(OpCodes.Stloc, result);
        il.BeginExceptFilterBlock();
        il.Emit(OpCodes.Stloc, exception);
        il.Emit(OpCodes.Ldloc, siteLocal);
        il.Emit(OpCodes.Stloc, faultSite);
        LoadSiteTable();
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Ldloc, faultSite);
        il.Emit(OpCodes.Callvirt, typeof(CallSiteTable).GetMethod(nameof(CallSiteTable.TraceOrTake))!);
        il.BeginCatchBlock(null);
        il.Emit(OpCodes.Castclass, typeof(Exception));
        il.Emit(OpCodes.Stloc, exception);
        LoadSiteTable();
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Castclass, typeof(Exception));
        il.Emit(OpCodes.Ldloc, faultSite);
        il.Emit(OpCodes.Callvirt, typeof(CallSiteTable).GetMethod(nameof(CallSiteTable.Translate))!);
        il.Emit(OpCodes.Throw);
        il.EndExceptionBlock();
        il.Emit(OpCodes.Ldloc, result);
        il.Emit(OpCodes.Ret);
    }

    /// <summary>Emits a node, leaving a value of its kind (nothing for Never).</summary>
    private void Emit(Node node)
    {
        switch (node)
        {
            case ConstNode { Value: long l }:
                il.Emit(OpCodes.Ldc_I8, l);
                break;
            case ConstNode { Value: double d }:
                il.Emit(OpCodes.Ldc_R8, d);
                break;
            case ConstNode { Value: bool b }:
                il.Emit(b ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                break;
            case LocalRefNode l:
                il.Emit(OpCodes.Ldloc, Local(l.Binding));
                break;
            case IfNode i:
                var otherwise = il.DefineLabel();
                var end = il.DefineLabel();
                Emit(i.Test);
                il.Emit(OpCodes.Brfalse, otherwise);
                Emit(i.Then);
                il.Emit(OpCodes.Br, end);
                il.MarkLabel(otherwise);
                Emit(i.Else);
                il.MarkLabel(end);
                break;
            case DoNode d:
                foreach (var statement in d.Statements)
                {
                    Emit(statement);
                    il.Emit(OpCodes.Pop);
                }

                Emit(d.Result);
                break;
            case LetNode l:
                Bind(l.Bindings);
                Emit(l.Body);
                break;
            case LoopNode l:
                Bind(l.Bindings);
                var outer = recurHead;
                recurHead = il.DefineLabel();
                il.MarkLabel(recurHead);
                Emit(l.Body);
                recurHead = outer;
                break;
            case RecurNode r:
                Jump(r.Args, r.Targets);
                break;
            case InvokeNode { Fn: LocalRefNode { Access: LocalAccess.Self } } call:
                EmitSelfCall(call);
                break;
            case InvokeNode call:
                EmitPrimitive(call);
                break;
            default:
                throw new InvalidOperationException("not in the typed subset: " + node.GetType().Name);
        }
    }

    private void Bind(System.Collections.Immutable.ImmutableArray<LetBinding> bindings)
    {
        foreach (var b in bindings)
        {
            Emit(b.Init);
            il.Emit(OpCodes.Stloc, Local(b.Local));
        }
    }

    /// <summary>Every value first, then the locals, then the back edge with its interrupt poll.</summary>
    private void Jump(System.Collections.Immutable.ImmutableArray<Node> args, IReadOnlyList<LocalBinding> targets)
    {
        foreach (var arg in args)
        {
            Emit(arg);
        }

        for (int i = args.Length - 1; i >= 0; i--)
        {
            il.Emit(OpCodes.Stloc, Local(targets[i]));
        }

        il.Emit(OpCodes.Ldloca, token);
        il.Emit(OpCodes.Call, typeof(CancellationToken).GetProperty(nameof(CancellationToken.IsCancellationRequested))!.GetMethod!);
        il.Emit(OpCodes.Brfalse, recurHead);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, typeof(RunContext).GetMethod(nameof(RunContext.PollInterrupt))!);
        il.Emit(OpCodes.Br, recurHead);
    }

    private void EmitSelfCall(InvokeNode call)
    {
        if (call.Context == NodeContext.Tail)
        {
            // The trampoline would run this step at the same depth; a jump to the top of the arity does the same.
            var head = recurHead;
            recurHead = arityHead;
            Jump(call.Args, fn.Arities[0].Params);
            recurHead = head;
            return;
        }

        int parent = currentSite;
        sink.MarkSource(il, call.Span);
        sites.Add(new CallSite(call.Caller, call.Span, parent));
        currentSite = sites.Count - 1;
        SetSite(currentSite);
        foreach (var arg in call.Args)
        {
            Emit(arg);
        }

        var args = new LocalBuilder[call.Args.Length];
        for (int i = args.Length - 1; i >= 0; i--)
        {
            args[i] = il.DeclareLocal(ClrType(types.ParamKinds[i]));
            il.Emit(OpCodes.Stloc, args[i]);
        }

        EmitEnter();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Ldarg, DepthArg);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldarg, MaxDepthArg);
        foreach (var a in args)
        {
            il.Emit(OpCodes.Ldloc, a);
        }

        il.Emit(OpCodes.Call, method);
        currentSite = parent;
        SetSite(parent);
    }

    /// <summary>
    /// RunContext.Enter for the callee at depth + 1: past the limit, the interpreter's
    /// stack-overflow error naming the function; every 32 levels the host stack; every 8 an interrupt poll.
    /// </summary>
    private void EmitEnter()
    {
        var withinLimit = il.DefineLabel();
        var noStackCheck = il.DefineLabel();
        var noPoll = il.DefineLabel();
        var overflow = il.DefineLabel();
        il.Emit(OpCodes.Ldarg, DepthArg);
        il.Emit(OpCodes.Ldarg, MaxDepthArg);
        il.Emit(OpCodes.Blt, withinLimit);
        il.MarkLabel(overflow);
        il.Emit(OpCodes.Ldstr, fn.Name);
        il.Emit(OpCodes.Ldarg, MaxDepthArg);
        il.Emit(OpCodes.Ldnull);
        il.Emit(OpCodes.Call, typeof(RuntimeErrors).GetMethod(nameof(RuntimeErrors.StackOverflow))!);
        il.Emit(OpCodes.Throw);
        il.MarkLabel(withinLimit);
        il.Emit(OpCodes.Ldarg, DepthArg);
        il.Emit(OpCodes.Ldc_I4, 31);
        il.Emit(OpCodes.And);
        il.Emit(OpCodes.Brtrue, noStackCheck);
        il.Emit(OpCodes.Call, typeof(System.Runtime.CompilerServices.RuntimeHelpers).GetMethod(nameof(System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack))!);
        il.Emit(OpCodes.Brfalse, overflow);
        il.MarkLabel(noStackCheck);
        il.Emit(OpCodes.Ldarg, DepthArg);
        il.Emit(OpCodes.Ldc_I4_7);
        il.Emit(OpCodes.And);
        il.Emit(OpCodes.Brtrue, noPoll);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, typeof(RunContext).GetMethod(nameof(RunContext.PollInterrupt))!);
        il.MarkLabel(noPoll);
    }

    private void EmitPrimitive(InvokeNode call)
    {
        var op = ((Builtin)((GlobalRefNode)call.Fn).Var.Value!).Op;
        bool isDouble = types.KindOf(call.Args[0]) == ValueKind.Double;
        foreach (var arg in call.Args)
        {
            Emit(arg);
        }

        PrimitiveOpcodes.Emit(il, op, isDouble);
    }

    private LocalBuilder Local(LocalBinding binding)
    {
        if (!locals.TryGetValue(binding, out var local))
        {
            local = il.DeclareLocal(ClrType(types.KindOf(binding)));
            locals.Add(binding, local);
        }

        return local;
    }

    private void SetSite(int site)
    {
        il.Emit(OpCodes.Ldc_I4, site);
        il.Emit(OpCodes.Stloc, siteLocal);
    }

    private void LoadSiteTable()
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Ldelem_Ref);
        il.Emit(OpCodes.Castclass, typeof(CallSiteTable));
    }

}
