using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;
using CallSite = Zylisp.Compiler.Clr.Runtime.CallSite;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// Emits one DynamicMethod: a top-level form or one arity of a fn, from the analyzed IR.
/// Every node leaves exactly one object on the IL stack (statement context pops it). Arguments:
/// 0 the constant pool, 1 the running function (null at top level), 2 its captured values,
/// 3 the <see cref="RunContext"/>, then the parameters (or one argument array).
/// </summary>
internal sealed partial class MethodEmitter : IIrVisitor<MethodEmitter.Emitted?>
{
    private const int SelfArg = 1;
    private const int CapturedArg = 2;
    private const int CtxArg = 3;
    private const int FirstParamArg = 4;

    private readonly IlCompiler compiler;
    private readonly CodeSink sink;
    private readonly string functionName;

    /// <summary>The fn's counter when this is quick-tier code of an arity, whose back edges count towards promotion.</summary>
    private readonly TierCounter? tierCounter;
    private readonly MethodInfo method;
    private readonly ILGenerator il;
    private readonly ConstantPool pool = new();
    private readonly List<CallSite> sites = [];
    private readonly Dictionary<int, LocalBuilder> slotLocals = [];
    private readonly Dictionary<Node, bool> containsTry = new(ReferenceEqualityComparer.Instance);
    private readonly int siteTableIndex;
    private readonly LocalBuilder siteLocal;
    private readonly LocalBuilder faultSite;

    /// <summary>The innermost call site enclosing the code being emitted (statically known).</summary>
    private int currentSite = CallSiteTable.None;

    /// <summary>Where <c>recur</c> jumps, and the interrupt token its back edge polls.</summary>
    private (Label Head, LocalBuilder Token)? recurTarget;

    private MethodEmitter(IlCompiler compiler, CodeSink sink, string functionName, Type[] parameters, TierCounter? tierCounter = null)
    {
        this.compiler = compiler;
        this.sink = sink;
        this.tierCounter = tierCounter;
        this.functionName = functionName;
        (method, il) = sink.Define(
            "zl:" + functionName,
            typeof(object),
            [typeof(object[]), typeof(ZFunction), typeof(object[]), typeof(RunContext), .. parameters]);
        siteTableIndex = pool.Reserve();
        siteLocal = il.DeclareLocal(typeof(int));
        faultSite = il.DeclareLocal(typeof(int));
    }

    /// <summary>Compiles a top-level form to a method that runs it once.</summary>
    public static ArityBody0? CompileTopLevel(IlCompiler compiler, CodeSink sink, TopLevel top, string name)
    {
        var e = new MethodEmitter(compiler, sink, name, []);
        e.EmitMethod(top.Body, prologue: null, returnType: null);
        return (ArityBody0?)e.Finish(typeof(ArityBody0));
    }

    /// <summary>Compiles one fn arity; the delegate type follows its shape (see <see cref="CompiledArity"/>).</summary>
    public static CompiledArity CompileArity(IlCompiler compiler, CodeSink sink, string fnName, FnArity arity, TypedMethod? typed, TierCounter? tierCounter = null)
    {
        bool takesArray = arity.Rest is not null || arity.RequiredCount > 3;
        var parameters = new Type[takesArray ? 1 : arity.RequiredCount];
        for (int i = 0; i < parameters.Length; i++)
        {
            // A loop, not Enumerable.Repeat/Array.Fill: their generic code is not precompiled and cost a JIT at start-up.
            parameters[i] = takesArray ? typeof(object[]) : typeof(object);
        }

        var e = new MethodEmitter(compiler, sink, fnName, parameters, tierCounter);
        e.EmitMethod(arity.Body, () => e.EmitPrologue(arity, takesArray), arity.ReturnType, arity.HasRecur, typed is null ? null : () => e.EmitTypedEntry(arity, typed));
        var delegateType = takesArray ? typeof(ArityBodyN) : arity.RequiredCount switch
        {
            0 => typeof(ArityBody0),
            1 => typeof(ArityBody1),
            2 => typeof(ArityBody2),
            _ => typeof(ArityBody3),
        };
        // While an assembly is being built nothing runs, so its templates hold no bodies.
        return new CompiledArity(arity.RequiredCount, arity.Rest is not null, e.Finish(delegateType)!);
    }

    private Delegate? Finish(Type delegateType)
    {
        pool.Fill(siteTableIndex, new CallSiteTable([.. sites]));
        return sink.Bind(method, delegateType, pool.ToArray());
    }

    /// <summary>
    /// The method's shape: the body inside one try whose filter adds the running call site (and
    /// those it is nested in) to a passing Zylisp error, and whose handler translates a host
    /// failure raised inside a call, as each of the interpreter's call sites does.
    /// </summary>
    private void EmitMethod(Node body, Action? prologue, TypeAnnotation? returnType, bool hasRecur = false, Func<Label>? typedEntry = null)
    {
        var result = il.DeclareLocal(typeof(object));
        var exception = il.DeclareLocal(typeof(object));
        // The method's first sequence point: a .NET stack frame that reports no IL offset still names the body's line.
        sink.MarkSource(il, body.Span);
        // Without a call site the filter would add nothing and take nothing: such a method (a
        // `(def f (fn …))`, a constant) skips it, and the JIT compiles it faster.
        bool traced = HasCallSite(body);
        SetSite(CallSiteTable.None);
        if (traced)
        {
            il.BeginExceptionBlock();
        }

        prologue?.Invoke();
        var afterBody = il.DefineLabel();
        if (typedEntry is not null)
        {
            // The typed path leaves its boxed result; the boxed body below is the fallback.
            var boxed = typedEntry();
            il.Emit(OpCodes.Br, afterBody);
            il.MarkLabel(boxed);
        }

        if (hasRecur)
        {
            BeginRecurTarget();
        }

        EmitValue(body);
        il.MarkLabel(afterBody);
        if (returnType is not null)
        {
            il.Emit(OpCodes.Stloc, result);
            EmitAnnotationCheck("return value", returnType, () => il.Emit(OpCodes.Ldloc, result));
            il.Emit(OpCodes.Ldloc, result);
        }

        if (!traced)
        {
            il.Emit(OpCodes.Ret);
            return;
        }

        il.Emit(OpCodes.Stloc, result);
        il.BeginExceptFilterBlock();
        il.Emit(OpCodes.Stloc, exception);
        il.Emit(OpCodes.Ldloc, siteLocal);
        il.Emit(OpCodes.Stloc, faultSite);
        LoadSiteTable();
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Ldloc, faultSite);
        il.Emit(OpCodes.Callvirt, Members.TraceOrTake);
        il.BeginCatchBlock(null);
        il.Emit(OpCodes.Castclass, typeof(Exception));
        il.Emit(OpCodes.Stloc, exception);
        LoadSiteTable();
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Castclass, typeof(Exception));
        il.Emit(OpCodes.Ldloc, faultSite);
        il.Emit(OpCodes.Callvirt, Members.Translate);
        il.Emit(OpCodes.Throw);
        il.EndExceptionBlock();
        il.Emit(OpCodes.Ldloc, result);
        il.Emit(OpCodes.Ret);
    }

    /// <summary>Whether the code has a call site of its own (nested fns are other methods).</summary>
    private static bool HasCallSite(Node node) => node is InvokeNode || IrChildren.Of(node).Any(HasCallSite);

    /// <summary>Moves the arguments into the slot locals (so recur can rebind them) and checks deffunc annotations.</summary>
    private void EmitPrologue(FnArity arity, bool takesArray)
    {
        for (int i = 0; i < arity.Params.Length; i++)
        {
            if (takesArray)
            {
                il.Emit(OpCodes.Ldarg, FirstParamArg);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
            }
            else
            {
                il.Emit(OpCodes.Ldarg, FirstParamArg + i);
            }

            il.Emit(OpCodes.Stloc, Slot(arity.Params[i].Slot));
        }

        if (arity.Rest is { } rest)
        {
            il.Emit(OpCodes.Ldarg, FirstParamArg);
            il.Emit(OpCodes.Ldc_I4, arity.RequiredCount);
            il.Emit(OpCodes.Call, Members.RestArgs);
            il.Emit(OpCodes.Stloc, Slot(rest.Slot));
        }

        if (!arity.ParamTypes.IsDefaultOrEmpty)
        {
            for (int i = 0; i < arity.ParamTypes.Length; i++)
            {
                if (arity.ParamTypes[i] is { } type)
                {
                    var slot = Slot(arity.Params[i].Slot);
                    EmitAnnotationCheck("argument `" + arity.Params[i].Name + "`", type, () => il.Emit(OpCodes.Ldloc, slot));
                }
            }
        }
    }

    /// <summary>
    /// The boxed entry of a typed deffunc (or of a fn typed by speculation, when every argument is
    /// an integer): when every primitive its typed code inlines is still the core one, unbox the
    /// (already checked) arguments, call the typed method and box its result;
    /// otherwise fall through to the boxed body. Returns the label of that fallback.
    /// </summary>
    private Label EmitTypedEntry(FnArity arity, TypedMethod typed)
    {
        var boxed = il.DefineLabel();
        if (typed.Speculative)
        {
            foreach (var param in arity.Params)
            {
                il.Emit(OpCodes.Ldloc, Slot(param.Slot));
                il.Emit(OpCodes.Isinst, typeof(long));
                il.Emit(OpCodes.Brfalse, boxed);
            }
        }

        foreach (var (global, primitive) in typed.Guards)
        {
            LoadConst(global);
            il.Emit(OpCodes.Callvirt, Members.VarValue);
            LoadConst(primitive);
            il.Emit(OpCodes.Bne_Un, boxed);
        }

        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, Members.Options);
        il.Emit(OpCodes.Callvirt, Members.Limits);
        il.Emit(OpCodes.Callvirt, Members.MaxCallDepth);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, Members.Depth);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Add);
        for (int i = 0; i < arity.Params.Length; i++)
        {
            il.Emit(OpCodes.Ldloc, Slot(arity.Params[i].Slot));
            il.Emit(OpCodes.Unbox_Any, TypedEmitter.ClrType(typed.ParamKinds[i]));
        }

        il.Emit(OpCodes.Call, typed.Method);
        switch (typed.ReturnKind)
        {
            case ValueKind.Long:
                il.Emit(OpCodes.Call, Members.BoxLong);
                break;
            case ValueKind.Double:
                il.Emit(OpCodes.Box, typeof(double));
                break;
            default:
                il.Emit(OpCodes.Call, Members.BoxBool);
                break;
        }

        return boxed;
    }

    private void EmitAnnotationCheck(string what, TypeAnnotation type, Action loadValue)
    {
        il.Emit(OpCodes.Ldstr, functionName);
        il.Emit(OpCodes.Ldstr, what);
        LoadConst(type);
        loadValue();
        il.Emit(OpCodes.Call, Members.CheckAnnotation);
    }

    private void BeginRecurTarget()
    {
        var token = il.DeclareLocal(typeof(CancellationToken));
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, Members.Cancellation);
        il.Emit(OpCodes.Stloc, token);
        var head = il.DefineLabel();
        il.MarkLabel(head);
        recurTarget = (head, token);
    }

    /// <summary>Emits a node, leaving its value on the stack.</summary>
    private void EmitValue(Node node) => node.Accept(this);

    // The IIrVisitor methods: one rule per node kind (a kind added to the IR is a build error here).
    public Emitted? VisitConst(ConstNode node)
    {
        EmitConst(node.Value);
        return default;
    }

    public Emitted? VisitLocalRef(LocalRefNode node)
    {
        EmitLocal(node.Access, node.Index);
        return default;
    }

    public Emitted? VisitGlobalRef(GlobalRefNode node)
    {
        EmitGlobal(node.Var, node.Span);
        return default;
    }

    public Emitted? VisitCollection(CollectionNode node)
    {
        EmitCollection(node);
        return default;
    }

    public Emitted? VisitIf(IfNode node)
    {
        EmitIf(node);
        return default;
    }

    public Emitted? VisitDo(DoNode node)
    {
        foreach (var statement in node.Statements)
        {
            EmitValue(statement);
            il.Emit(OpCodes.Pop);
        }

        EmitValue(node.Result);
        return default;
    }

    public Emitted? VisitLet(LetNode node)
    {
        EmitBindings(node.Bindings);
        EmitValue(node.Body);
        return default;
    }

    public Emitted? VisitLoop(LoopNode node)
    {
        EmitLoop(node);
        return default;
    }

    public Emitted? VisitRecur(RecurNode node)
    {
        EmitRecur(node);
        return default;
    }

    public Emitted? VisitFn(FnNode node)
    {
        EmitFn(node);
        return default;
    }

    public Emitted? VisitDef(DefNode node)
    {
        EmitDef(node);
        return default;
    }

    public Emitted? VisitInvoke(InvokeNode node)
    {
        EmitInvoke(node);
        return default;
    }

    public Emitted? VisitTry(TryNode node)
    {
        EmitTry(node);
        return default;
    }

    public Emitted? VisitThrow(ThrowNode node)
    {
        EmitValue(node.Value);
        sink.MarkSource(il, node.Span);
        il.Emit(OpCodes.Ldstr, node.Caller);
        LoadSpan(node.Span);
        il.Emit(OpCodes.Call, Members.Throw);
        il.Emit(OpCodes.Throw);
        il.Emit(OpCodes.Ldnull); // unreachable; keeps "one value per node" for the code after it
        return default;
    }

    private void EmitConst(object? value)
    {
        switch (value)
        {
            case null:
                il.Emit(OpCodes.Ldnull);
                break;
            case string s:
                il.Emit(OpCodes.Ldstr, s);
                break;
            default:
                LoadConst(value);
                break;
        }
    }

    private void EmitLocal(LocalAccess access, int index)
    {
        switch (access)
        {
            case LocalAccess.Slot:
                il.Emit(OpCodes.Ldloc, Slot(index));
                break;
            case LocalAccess.Captured:
                il.Emit(OpCodes.Ldarg, CapturedArg);
                il.Emit(OpCodes.Ldc_I4, index);
                il.Emit(OpCodes.Ldelem_Ref);
                break;
            default:
                il.Emit(OpCodes.Ldarg, SelfArg);
                break;
        }
    }

    /// <summary>A global's value; only the unbound case calls out (to raise the undefined-symbol error).</summary>
    private void EmitGlobal(Var global, SourceSpan? span)
    {
        if (!sink.Optimizes)
        {
            // Quick code: one call, five instructions instead of nineteen (see GlobalRead).
            LoadConstUncast(new GlobalRead(global, span));
            il.Emit(OpCodes.Ldarg, CtxArg);
            il.Emit(OpCodes.Call, Members.GlobalValue);
            return;
        }

        var bound = il.DefineLabel();
        LoadConst(global);
        il.Emit(OpCodes.Callvirt, Members.VarValue);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Ldsfld, Members.Unbound);
        il.Emit(OpCodes.Bne_Un, bound);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ldarg, CtxArg);
        LoadConst(global);
        LoadSpan(span);
        il.Emit(OpCodes.Call, Members.ReadGlobal);
        il.MarkLabel(bound);
    }

    private void EmitCollection(CollectionNode c)
    {
        var items = Spill(c.Items);
        il.Emit(OpCodes.Ldc_I4, (int)c.Kind);
        EmitArray(c.Items, items);
        il.Emit(OpCodes.Call, Members.MakeCollection);
    }

    private void EmitIf(IfNode i)
    {
        var otherwise = il.DefineLabel();
        var end = il.DefineLabel();
        EmitTest(i.Test, i.Truthiness);
        il.Emit(OpCodes.Brfalse, otherwise);
        EmitValue(i.Then);
        il.Emit(OpCodes.Br, end);
        il.MarkLabel(otherwise);
        EmitValue(i.Else);
        il.MarkLabel(end);
    }

    /// <summary>Emits a condition as an int32 (0 or 1); inlined comparisons skip boxing.</summary>
    private void EmitTest(Node test, Truthiness rule)
    {
        if (rule == Truthiness.Clojure && test is InvokeNode invoke && TryInlinePrimitive(invoke, asTest: true))
        {
            return;
        }

        EmitValue(test);
        if (rule == Truthiness.Clojure)
        {
            il.Emit(OpCodes.Call, Members.IsTruthy);
        }
        else
        {
            il.Emit(OpCodes.Ldc_I4, (int)rule);
            il.Emit(OpCodes.Call, Members.IsTrue);
        }
    }

    private void EmitBindings(ImmutableArray<LetBinding> bindings)
    {
        foreach (var b in bindings)
        {
            EmitValue(b.Init);
            il.Emit(OpCodes.Stloc, Slot(b.Local.Slot));
        }
    }

    private void EmitLoop(LoopNode loop)
    {
        EmitBindings(loop.Bindings);
        var outer = recurTarget;
        BeginRecurTarget();
        EmitValue(loop.Body);
        recurTarget = outer;
    }

    /// <summary>Recur: every argument first (they may read the old values), then the slots, then a back edge that polls for an interrupt.</summary>
    private void EmitRecur(RecurNode r)
    {
        var (head, token) = recurTarget ?? throw new InvalidOperationException("recur outside a loop or fn arity");
        var values = new LocalBuilder[r.Args.Length];
        for (int i = 0; i < values.Length; i++)
        {
            EmitValue(r.Args[i]);
            values[i] = il.DeclareLocal(typeof(object));
            il.Emit(OpCodes.Stloc, values[i]);
        }

        for (int i = 0; i < values.Length; i++)
        {
            il.Emit(OpCodes.Ldloc, values[i]);
            il.Emit(OpCodes.Stloc, Slot(r.Targets[i].Slot));
        }

        if (tierCounter is not null)
        {
            // Quick-tier code counts its back edges towards promotion (the template counts calls).
            LoadConst(tierCounter);
            il.Emit(OpCodes.Callvirt, Members.Tick);
        }

        il.Emit(OpCodes.Ldloca, token);
        il.Emit(OpCodes.Call, Members.IsCancellationRequested);
        il.Emit(OpCodes.Brfalse, head);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, Members.PollInterrupt);
        il.Emit(OpCodes.Br, head);
        il.Emit(OpCodes.Ldnull); // unreachable; see ThrowNode
    }

    private void EmitFn(FnNode fn)
    {
        var template = compiler.CompileFunction(fn);
        LoadConst(template);
        if (fn.Captures.IsEmpty)
        {
            il.Emit(OpCodes.Call, Members.EmptyArray);
        }
        else
        {
            il.Emit(OpCodes.Ldc_I4, fn.Captures.Length);
            il.Emit(OpCodes.Newarr, typeof(object));
            for (int i = 0; i < fn.Captures.Length; i++)
            {
                il.Emit(OpCodes.Dup);
                il.Emit(OpCodes.Ldc_I4, i);
                EmitLocal(fn.Captures[i].SourceAccess, fn.Captures[i].SourceIndex);
                il.Emit(OpCodes.Stelem_Ref);
            }
        }

        il.Emit(OpCodes.Newobj, Members.NewCompiledFunction);
    }

    private void EmitDef(DefNode d)
    {
        var value = il.DeclareLocal(typeof(object));
        if (d.Init is not null)
        {
            EmitValue(d.Init);
            il.Emit(OpCodes.Stloc, value);
        }

        LoadConst(d.Var);
        il.Emit(d.Init is null ? OpCodes.Ldc_I4_0 : OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Ldloc, value);
        LoadConst(d.Meta);
        il.Emit(OpCodes.Call, Members.Define);
    }

    private LocalBuilder Slot(int slot)
    {
        if (!slotLocals.TryGetValue(slot, out var local))
        {
            local = il.DeclareLocal(typeof(object));
            slotLocals.Add(slot, local);
        }

        return local;
    }

    private void SetSite(int site)
    {
        EmitInt(site);
        il.Emit(OpCodes.Stloc, siteLocal);
    }

    /// <summary>Enters a new call site nested in the current one; returns the one to restore.</summary>
    private int EnterSite(string caller, SourceSpan? span)
    {
        int parent = currentSite;
        sink.MarkSource(il, span);
        sites.Add(new CallSite(caller, span, parent));
        currentSite = sites.Count - 1;
        SetSite(currentSite);
        return parent;
    }

    private void LeaveSite(int parent)
    {
        currentSite = parent;
        SetSite(parent);
    }

    private void LoadConst(object value)
    {
        LoadConstUncast(value);
        // A boxed value is used as an object: a castclass to object would be one more instruction for the JIT.
        if (!value.GetType().IsValueType && value.GetType() != typeof(object))
        {
            il.Emit(OpCodes.Castclass, VisibleType(value.GetType()));
        }
    }

    /// <summary>A pool entry as an object, for a callee whose parameter is typed object.</summary>
    private void LoadConstUncast(object value)
    {
        il.Emit(OpCodes.Ldarg_0);
        EmitInt(pool.IndexOf(value));
        il.Emit(OpCodes.Ldelem_Ref);
    }

    /// <summary>An int32 constant in its shortest form (pool indices and call sites are small; the JIT reads fewer bytes).</summary>
    private void EmitInt(int value)
    {
        switch (value)
        {
            case >= -1 and <= 8:
                il.Emit(value switch
                {
                    -1 => OpCodes.Ldc_I4_M1,
                    0 => OpCodes.Ldc_I4_0,
                    1 => OpCodes.Ldc_I4_1,
                    2 => OpCodes.Ldc_I4_2,
                    3 => OpCodes.Ldc_I4_3,
                    4 => OpCodes.Ldc_I4_4,
                    5 => OpCodes.Ldc_I4_5,
                    6 => OpCodes.Ldc_I4_6,
                    7 => OpCodes.Ldc_I4_7,
                    _ => OpCodes.Ldc_I4_8,
                });
                break;
            case >= sbyte.MinValue and <= sbyte.MaxValue:
                il.Emit(OpCodes.Ldc_I4_S, (sbyte)value);
                break;
            default:
                il.Emit(OpCodes.Ldc_I4, value);
                break;
        }
    }

    /// <summary>
    /// The type to cast a constant to: its own, or its nearest public base when it is not public
    /// (a persisted assembly has no access to the runtime's internal types; the code only ever
    /// uses such a constant through its public base).
    /// </summary>
    private static Type VisibleType(Type type)
    {
        while (!type.IsVisible && type.BaseType is { } baseType)
        {
            type = baseType;
        }

        return type;
    }

    private void LoadSpan(SourceSpan? span)
    {
        if (span is null)
        {
            il.Emit(OpCodes.Ldnull);
        }
        else
        {
            LoadConst(span);
        }
    }

    private void LoadSiteTable()
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, siteTableIndex);
        il.Emit(OpCodes.Ldelem_Ref);
        il.Emit(OpCodes.Castclass, typeof(CallSiteTable));
    }

    /// <summary>
    /// What a visit returns: nothing (always null); the node's value is on the IL stack. A class,
    /// not a struct: the IR's <c>Accept&lt;T&gt;</c> over a reference type is shared code that
    /// Zylisp.Lang's ReadyToRun image already holds, while each instantiation over a struct was
    /// JIT-compiled at the start of every il run (eight methods).
    /// </summary>
    internal sealed class Emitted
    {
        private Emitted()
        {
        }
    }

    /// <summary>Members the emitted IL refers to, resolved once.</summary>
    private static class Members
    {
        public static readonly MethodInfo GlobalValue = typeof(GlobalRead).GetMethod(nameof(GlobalRead.Value))!;
        public static readonly MethodInfo Tick = typeof(TierCounter).GetMethod(nameof(TierCounter.Tick))!;
        public static readonly MethodInfo TraceOrTake = typeof(CallSiteTable).GetMethod(nameof(CallSiteTable.TraceOrTake))!;
        public static readonly MethodInfo Translate = typeof(CallSiteTable).GetMethod(nameof(CallSiteTable.Translate))!;
        public static readonly MethodInfo TraceForCatch = typeof(CallSiteTable).GetMethod(nameof(CallSiteTable.TraceForCatch))!;
        public static readonly MethodInfo Caught = typeof(CallSiteTable).GetMethod(nameof(CallSiteTable.Caught))!;
        public static readonly MethodInfo RestArgs = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.RestArgs))!;
        public static readonly MethodInfo IsTruthy = typeof(CompiledRuntime).GetMethod(nameof(CompiledRuntime.IsTruthy))!;
        public static readonly MethodInfo CheckAnnotation = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.CheckAnnotation))!;
        public static readonly MethodInfo Throw = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.Throw))!;
        public static readonly MethodInfo ReadGlobal = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.ReadGlobal))!;
        public static readonly MethodInfo MakeCollection = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.MakeCollection))!;
        public static readonly MethodInfo IsTrue = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.IsTrue))!;
        public static readonly MethodInfo Define = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.Define))!;
        public static readonly MethodInfo TailCall = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.TailCall))!;
        public static readonly MethodInfo CallN = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.Call))!;
        public static readonly MethodInfo Call0 = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.Call0))!;
        public static readonly MethodInfo Call1 = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.Call1))!;
        public static readonly MethodInfo Call2 = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.Call2))!;
        public static readonly MethodInfo Call3 = typeof(OutOfLineRuntime).GetMethod(nameof(OutOfLineRuntime.Call3))!;
        public static readonly MethodInfo Cancellation = typeof(RunContext).GetProperty(nameof(RunContext.Cancellation))!.GetMethod!;
        public static readonly MethodInfo Depth = typeof(RunContext).GetProperty(nameof(RunContext.Depth))!.GetMethod!;
        public static readonly MethodInfo Options = typeof(RunContext).GetProperty(nameof(RunContext.Options))!.GetMethod!;
        public static readonly MethodInfo Limits = typeof(EngineOptions).GetProperty(nameof(EngineOptions.Limits))!.GetMethod!;
        public static readonly MethodInfo MaxCallDepth = typeof(RuntimeLimits).GetProperty(nameof(RuntimeLimits.MaxCallDepth))!.GetMethod!;
        public static readonly MethodInfo RestoreDepth = typeof(RunContext).GetMethod(nameof(RunContext.RestoreDepth))!;
        public static readonly MethodInfo PollInterrupt = typeof(RunContext).GetMethod(nameof(RunContext.PollInterrupt))!;
        public static readonly MethodInfo IsCancellationRequested = typeof(CancellationToken).GetProperty(nameof(CancellationToken.IsCancellationRequested))!.GetMethod!;
        public static readonly MethodInfo VarValue = typeof(Var).GetProperty(nameof(Var.Value))!.GetMethod!;
        public static readonly FieldInfo Unbound = typeof(Var).GetField(nameof(Var.Unbound))!;
        public static readonly MethodInfo EmptyArray = typeof(Array).GetMethod(nameof(Array.Empty))!.MakeGenericMethod(typeof(object));
        public static readonly ConstructorInfo NewCompiledFunction = typeof(CompiledFunction).GetConstructor([typeof(CompiledTemplate), typeof(object[])])!;
        public static readonly MethodInfo BoxLong = typeof(Box).GetMethod(nameof(Box.Long))!;
        public static readonly MethodInfo BoxBool = typeof(Box).GetMethod(nameof(Box.Bool))!;
        public static readonly FieldInfo BoxTrue = typeof(Box).GetField(nameof(Box.True))!;
        public static readonly FieldInfo BoxFalse = typeof(Box).GetField(nameof(Box.False))!;
    }
}
