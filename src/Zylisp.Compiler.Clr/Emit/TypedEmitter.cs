using System.Reflection;
using System.Reflection.Emit;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>The unboxed method of a typed deffunc and what its boxed entry needs to call it.</summary>
internal sealed record TypedMethod(MethodInfo Method, ValueKind[] ParamKinds, ValueKind ReturnKind, IReadOnlyList<(Var Global, Builtin Primitive)> Guards, bool Speculative);

/// <summary>
/// Emits a typed deffunc arity (checked by <see cref="TypedChecker"/>) as a static method on
/// long/double/bool: <c>long fib(RunContext ctx, int budget, long n)</c>, where budget is how many
/// activations the depth limit still allows, this one included (the limit minus the depth, plus
/// one). A non-tail self call is a direct call with one less budget, and each activation starts
/// with what <see cref="RunContext.Enter"/> does, with the depth carried in that argument instead
/// of the context (nothing else runs inside typed code): one test, and every few levels a helper
/// that raises the same stack-overflow error naming the function past the limit, checks the host
/// stack and polls for an interrupt. A tail self call and recur are jumps
/// with an interrupt poll, as the trampoline would need no stack either. Integer arithmetic wraps.
/// Small bodies inline their self calls a few levels, and then the fast method checks once per
/// frame whether any activation in it is due for the entry check, handing such frames to a checked
/// twin (<see cref="EmitMethod"/>).
/// <para>
/// Stack traces cost nothing until something fails: each real call (and each slow entry of an
/// inlined activation) is a try region whose filter adds the call sites the code is statically
/// nested in (caller and span, as constants), innermost first, to a passing Zylisp error, exactly
/// the sites whose interpreter filters it would pass. The filter never takes the exception (typed
/// code raises only Zylisp errors and interrupts). A try region needs an empty IL stack, so
/// operands before one that contains a call are kept in locals.
/// </para>
/// </summary>
internal sealed class TypedEmitter
{
    private const int CtxArg = 0;
    private const int BudgetArg = 1;
    private const int FirstParamArg = 2;

    private readonly TypedChecker types;
    private readonly FnNode fn;
    private readonly CodeSink sink;
    private readonly MethodInfo method;
    private readonly ILGenerator il;
    private Dictionary<LocalBinding, LocalBuilder> locals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, bool> containsCall = new(ReferenceEqualityComparer.Instance);
    private readonly LocalBuilder token;
    private Label recurHead;
    private Label arityHead;

    /// <summary>
    /// Back edges (recur, tail self calls) between two reads of the interrupt token. A typed
    /// iteration is arithmetic, or self calls that poll at their own entries, so a thousand of
    /// them take microseconds; reading the token on every one cost a tight loop ~1.6x.
    /// </summary>
    private const int BackEdgesPerPoll = 1024;

    private readonly LocalBuilder backEdgesUntilPoll;

    /// <summary>The self calls whose arguments or inlined body the code being emitted is in, outermost first.</summary>
    private readonly List<InvokeNode> enclosingSites = [];

    /// <summary>How many inlined activations deep the code being emitted is (0: the method's own activation, 1: a self call inlined in it, …).</summary>
    private int inlineLevel;

    /// <summary>How many levels of non-tail self calls are inlined (see <see cref="EmitInlinedBody"/> and <see cref="InlineDepth"/>).</summary>
    private readonly int inlineDepth;

    /// <summary>
    /// Whether every activation runs its own entry check (the checked method), or the method checks
    /// once whether any of its activations would (the fast method; see <see cref="EmitMethod"/>).
    /// </summary>
    private readonly bool checksEachEntry;

    /// <summary>The method real self calls go to: always the fast method.</summary>
    private MethodInfo callTarget;

    /// <summary>The fast method's checked twin, which it hands an activation to when a check is due.</summary>
    private MethodInfo? checkedTwin;

    private TypedEmitter(FnNode fn, TypedChecker types, CodeSink sink, string name, int inlineDepth, bool checksEachEntry)
    {
        this.fn = fn;
        this.types = types;
        this.sink = sink;
        this.inlineDepth = inlineDepth;
        this.checksEachEntry = checksEachEntry;
        (method, il) = sink.Define(
            name + fn.Name,
            ClrType(types.ReturnKind),
            ParameterTypes(types.ParamKinds),
            optimizeAtOnce: true);
        callTarget = method;
        token = il.DeclareLocal(typeof(CancellationToken));
        backEdgesUntilPoll = il.DeclareLocal(typeof(int));
        pollInterval = PollInterval(fn);
    }

    private static int PollInterval(FnNode fn) => SelfCallSites(fn.Arities[0].Body) switch
    {
        <= 1 => 64,
        2 => 16,
        _ => 8,
    };

    /// <summary>
    /// How many levels of self calls to inline: as many as keep the inlined code within
    /// <see cref="MaxInlinedNodes"/> IR nodes (a body of b nodes with s self-call sites inlined d
    /// levels is about b(1 + s + … + s^d) nodes), at most 3. The .NET JIT inlines a hot recursive
    /// C# method once (with dynamic PGO); two levels halve the calls again, and since the entry
    /// checks of inlined activations are hoisted to one test per real call they cost nothing more.
    /// </summary>
    private static int InlineDepth(FnNode fn)
    {
        var body = fn.Arities[0].Body;
        int size = Size(body);
        int sites = SelfCallSites(body);
        if (sites == 0)
        {
            return 0;
        }

        int depth = 0;
        long nodes = size;
        long level = size;
        while (depth < 3)
        {
            level *= sites;
            if (nodes + level > MaxInlinedNodes)
            {
                break;
            }

            nodes += level;
            depth++;
        }

        return depth;
    }

    /// <summary>
    /// Every how many levels of self calls the slow entry runs (a power of two; the depth limit and
    /// the host stack are checked there too). Between two polls run at most about twice
    /// b^(interval-1) activations, b the number of self-call sites in the body, so the interval
    /// shrinks as the body branches more: 64 for linear recursion, 16 for two sites (fib:
    /// ~65,000 activations, well under a millisecond), 8 beyond. Loops poll on their own back edges.
    /// </summary>
    private readonly int pollInterval;

    private static int SelfCallSites(Node node) =>
        (node is InvokeNode { Fn: LocalRefNode { Access: LocalAccess.Self }, Context: not NodeContext.Tail } ? 1 : 0)
        + Total(IrChildren.Of(node), SelfCallSites);

    /// <summary>The sum of <paramref name="measure"/> over <paramref name="items"/>; LINQ's Sum over these is not precompiled and cost JIT time at start-up.</summary>
    private static int Total<T>(System.Collections.Immutable.ImmutableArray<T> items, Func<T, int> measure)
        where T : class
    {
        int total = 0;
        foreach (var item in items)
        {
            total += measure(item);
        }

        return total;
    }

    /// <summary>Every how many levels the entry check calls the slow helper (the depth limit at 0, the host stack); a multiple of every poll interval.</summary>
    private const int SlowEntryInterval = 128;

    /// <summary>The most IR nodes a typed method's body may grow to by inlining its self calls.</summary>
    private const int MaxInlinedNodes = 300;

    private static int Size(Node node) => 1 + Total(IrChildren.Of(node), Size);

    // Loops, not LINQ: Select over ValueKind (a value type) is not precompiled and cost JIT time at start-up.
    private static Type[] ParameterTypes(ValueKind[] paramKinds)
    {
        var types = new Type[paramKinds.Length + 2];
        types[0] = typeof(RunContext);
        types[1] = typeof(int);
        for (int i = 0; i < paramKinds.Length; i++)
        {
            types[i + 2] = ClrType(paramKinds[i]);
        }

        return types;
    }

    private ValueKind[] KindsOf(System.Collections.Immutable.ImmutableArray<Node> nodes)
    {
        var kinds = new ValueKind[nodes.Length];
        for (int i = 0; i < kinds.Length; i++)
        {
            kinds[i] = types.KindOf(nodes[i]);
        }

        return kinds;
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

        int depth = InlineDepth(fn);
        if (depth == 0)
        {
            var only = new TypedEmitter(fn, types, sink, "zl-typed:", 0, checksEachEntry: true);
            only.EmitMethod(fn.Arities[0]);
            return new TypedMethod(only.method, types.ParamKinds, types.ReturnKind, types.Guards, types.Speculative);
        }

        var fast = new TypedEmitter(fn, types, sink, "zl-typed:", depth, checksEachEntry: false);
        var twin = new TypedEmitter(fn, types, sink, "zl-typed-checked:", depth, checksEachEntry: true);
        fast.checkedTwin = twin.method;
        twin.callTarget = fast.method;
        fast.EmitMethod(fn.Arities[0]);
        twin.EmitMethod(fn.Arities[0]);
        return new TypedMethod(fast.method, types.ParamKinds, types.ReturnKind, types.Guards, types.Speculative);
    }

    /// <summary>
    /// The method's body. A method that inlines d levels of self calls runs d + 1 activations per
    /// frame, with budgets b, b − 1, …, b − d; an entry check is due in the frame exactly when one
    /// of them is a multiple of the poll interval (0, past the limit, included), that is when
    /// b mod interval ≤ d. So the fast method tests that once at its start and hands such a frame
    /// to its checked twin (the same code with each activation's check, whose real calls come back
    /// to the fast method); every other frame runs without a check. Where the twin runs, the
    /// activation it runs is the fast method's, so the hand-over adds no call site to a trace.
    /// </summary>
    private void EmitMethod(FnArity arity)
    {
        if (checkedTwin is not null)
        {
            var due = il.DefineLabel();
            var run = il.DefineLabel();
            var toTwin = il.DefineLabel();
            il.Emit(OpCodes.Ldarg, BudgetArg);
            il.Emit(OpCodes.Ldc_I4, pollInterval - 1);
            il.Emit(OpCodes.And);
            il.Emit(OpCodes.Ldc_I4, inlineDepth);
            il.Emit(OpCodes.Ble, due);
            il.MarkLabel(run);
            EmitBody(arity);
            il.MarkLabel(due);
            // The twin's checks in this frame can only do something when the frame holds a
            // budget-0 activation (past the limit), when it holds a multiple of
            // SlowEntryInterval and the host stack is short (every activation of the frame runs
            // in this one .NET frame, so one test here answers for all of them), or when an
            // interrupt is requested. Otherwise the frame runs fast and the twin, which must be
            // JIT-compiled before its first run, is not needed: a deep recursion far from the
            // limit never compiles it. The stack test is a runtime call, so only the frames the
            // twin would test it in pay for it.
            var stackChecked = il.DefineLabel();
            il.Emit(OpCodes.Ldarg, BudgetArg);
            il.Emit(OpCodes.Ldc_I4, inlineDepth);
            il.Emit(OpCodes.Ble, toTwin);
            il.Emit(OpCodes.Ldarg, BudgetArg);
            il.Emit(OpCodes.Ldc_I4, SlowEntryInterval - 1);
            il.Emit(OpCodes.And);
            il.Emit(OpCodes.Ldc_I4, inlineDepth);
            il.Emit(OpCodes.Bgt, stackChecked);
            il.Emit(OpCodes.Call, typeof(System.Runtime.CompilerServices.RuntimeHelpers).GetMethod(nameof(System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack))!);
            il.Emit(OpCodes.Brfalse, toTwin);
            il.MarkLabel(stackChecked);
            il.Emit(OpCodes.Ldarg, CtxArg);
            il.Emit(OpCodes.Callvirt, typeof(RunContext).GetProperty(nameof(RunContext.Cancellation))!.GetMethod!);
            il.Emit(OpCodes.Stloc, token);
            il.Emit(OpCodes.Ldloca, token);
            il.Emit(OpCodes.Call, typeof(CancellationToken).GetProperty(nameof(CancellationToken.IsCancellationRequested))!.GetMethod!);
            il.Emit(OpCodes.Brfalse, run);
            il.MarkLabel(toTwin);
            for (int i = 0; i < FirstParamArg + arity.Params.Length; i++)
            {
                il.Emit(OpCodes.Ldarg, i);
            }

            il.Emit(OpCodes.Call, checkedTwin);
            il.Emit(OpCodes.Ret);
            return;
        }

        EmitBody(arity);
    }

    private void EmitBody(FnArity arity)
    {
        if (HasBackEdge(arity.Body))
        {
            il.Emit(OpCodes.Ldarg, CtxArg);
            il.Emit(OpCodes.Callvirt, typeof(RunContext).GetProperty(nameof(RunContext.Cancellation))!.GetMethod!);
            il.Emit(OpCodes.Stloc, token);
            il.Emit(OpCodes.Ldc_I4, BackEdgesPerPoll);
            il.Emit(OpCodes.Stloc, backEdgesUntilPoll);
        }

        for (int i = 0; i < arity.Params.Length; i++)
        {
            il.Emit(OpCodes.Ldarg, FirstParamArg + i);
            il.Emit(OpCodes.Stloc, Local(arity.Params[i]));
        }

        EmitEnter();
        arityHead = il.DefineLabel();
        il.MarkLabel(arityHead);
        recurHead = arityHead;
        Emit(arity.Body);
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

    /// <summary>
    /// Pushes the values of <paramref name="operands"/>. When one after the first contains a call
    /// (a try region, which needs an empty stack), every operand goes through a local first.
    /// </summary>
    private void EmitOperands(System.Collections.Immutable.ImmutableArray<Node> operands, ValueKind[] kinds)
    {
        bool spill = false;
        for (int i = 1; i < operands.Length; i++)
        {
            spill |= ContainsCall(operands[i]);
        }

        if (!spill)
        {
            foreach (var operand in operands)
            {
                Emit(operand);
            }

            return;
        }

        var spilled = new LocalBuilder[operands.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            Emit(operands[i]);
            spilled[i] = il.DeclareLocal(ClrType(kinds[i]));
            il.Emit(OpCodes.Stloc, spilled[i]);
        }

        foreach (var local in spilled)
        {
            il.Emit(OpCodes.Ldloc, local);
        }
    }

    private bool ContainsCall(Node node)
    {
        if (containsCall.TryGetValue(node, out bool known))
        {
            return known;
        }

        bool result = node is InvokeNode { Fn: LocalRefNode { Access: LocalAccess.Self } }
            || IrChildren.Of(node).Any(ContainsCall);
        containsCall[node] = result;
        return result;
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
        var kinds = new ValueKind[targets.Count];
        for (int i = 0; i < kinds.Length; i++)
        {
            kinds[i] = types.KindOf(targets[i]);
        }

        EmitOperands(args, kinds);

        for (int i = args.Length - 1; i >= 0; i--)
        {
            il.Emit(OpCodes.Stloc, Local(targets[i]));
        }

        // A counted poll: one decrement per back edge, the token read every BackEdgesPerPoll.
        il.Emit(OpCodes.Ldloc, backEdgesUntilPoll);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, backEdgesUntilPoll);
        il.Emit(OpCodes.Brtrue, recurHead);
        il.Emit(OpCodes.Ldc_I4, BackEdgesPerPoll);
        il.Emit(OpCodes.Stloc, backEdgesUntilPoll);
        il.Emit(OpCodes.Ldloca, token);
        il.Emit(OpCodes.Call, typeof(CancellationToken).GetProperty(nameof(CancellationToken.IsCancellationRequested))!.GetMethod!);
        il.Emit(OpCodes.Brfalse, recurHead);
        il.Emit(OpCodes.Ldarg, CtxArg);
        // Inlined (unlike the other runtime calls): a loop that contains a call is not aligned by the JIT, which cost a tight loop half its speed.
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

        // The interpreter's call site covers the evaluation of the arguments too: calls in them
        // add this site after their own.
        sink.MarkSource(il, call.Span);
        enclosingSites.Add(call);
        var args = new LocalBuilder[call.Args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            Emit(call.Args[i]);
            args[i] = il.DeclareLocal(ClrType(types.ParamKinds[i]));
            il.Emit(OpCodes.Stloc, args[i]);
        }

        if (inlineLevel < inlineDepth)
        {
            EmitInlinedBody(args);
        }
        else
        {
            var result = il.DeclareLocal(ClrType(types.ReturnKind));
            BeginTracedRegion();
            il.Emit(OpCodes.Ldarg, CtxArg);
            LoadBudget(inlineLevel + 1);
            foreach (var a in args)
            {
                il.Emit(OpCodes.Ldloc, a);
            }

            il.Emit(OpCodes.Call, callTarget);
            il.Emit(OpCodes.Stloc, result);
            EndTracedRegion();
            il.Emit(OpCodes.Ldloc, result);
        }

        enclosingSites.RemoveAt(enclosingSites.Count - 1);
    }

    /// <summary>Starts a try region around code that may fail (a real call, a slow entry): the stack must be empty.</summary>
    private void BeginTracedRegion() => il.BeginExceptionBlock();

    /// <summary>
    /// Ends it with a filter that adds the enclosing call sites, innermost first, to a passing
    /// Zylisp error: the sites whose interpreter filters the error would pass on its way out of
    /// this activation and the inlined ones it sits in. The filter never takes the exception.
    /// </summary>
    private void EndTracedRegion()
    {
        var exception = il.DeclareLocal(typeof(object));
        il.BeginExceptFilterBlock();
        il.Emit(OpCodes.Stloc, exception);
        for (int i = enclosingSites.Count - 1; i >= 0; i--)
        {
            il.Emit(OpCodes.Ldloc, exception);
            il.Emit(OpCodes.Ldstr, enclosingSites[i].Caller);
            EmitSpan(enclosingSites[i].Span);
            il.Emit(OpCodes.Call, typeof(CompiledRuntime).GetMethod(nameof(CompiledRuntime.TraceThrough))!);
            il.Emit(OpCodes.Pop);
        }

        il.Emit(OpCodes.Ldc_I4_0);
        il.BeginCatchBlock(null);
        il.Emit(OpCodes.Rethrow);
        il.EndExceptionBlock();
    }

    /// <summary>
    /// The callee's body in place of the call (its activation runs with one less budget): the
    /// arguments bind a fresh set of locals, its tail self calls jump to its own head, and its
    /// self calls are inlined again down to <see cref="inlineDepth"/>, then real calls. The call
    /// site stays in <see cref="enclosingSites"/> while it is emitted, so an error in it is traced
    /// through its own call site and then the enclosing ones, innermost first, as through real
    /// calls. The .NET JIT inlines a hot recursive C# method once; a typed fib inlined 3 levels
    /// makes a quarter of the calls C#'s does.
    /// </summary>
    private void EmitInlinedBody(LocalBuilder[] args)
    {
        var (outerLocals, outerArityHead, outerRecurHead) = (locals, arityHead, recurHead);
        locals = new(ReferenceEqualityComparer.Instance);
        inlineLevel++;
        var arity = fn.Arities[0];
        for (int i = 0; i < args.Length; i++)
        {
            il.Emit(OpCodes.Ldloc, args[i]);
            il.Emit(OpCodes.Stloc, Local(arity.Params[i]));
        }

        EmitEnter();
        arityHead = il.DefineLabel();
        il.MarkLabel(arityHead);
        recurHead = arityHead;
        Emit(arity.Body);
        inlineLevel--;
        (locals, arityHead, recurHead) = (outerLocals, outerArityHead, outerRecurHead);
    }

    /// <summary>The budget of the activation <paramref name="level"/> inlined levels below the method's own.</summary>
    private void LoadBudget(int level)
    {
        il.Emit(OpCodes.Ldarg, BudgetArg);
        if (level > 0)
        {
            il.Emit(OpCodes.Ldc_I4, level);
            il.Emit(OpCodes.Sub);
        }
    }

    /// <summary>A call site's span, rebuilt from constants (only a failing call runs this).</summary>
    private void EmitSpan(SourceSpan? span)
    {
        if (span is null)
        {
            il.Emit(OpCodes.Ldnull);
            return;
        }

        il.Emit(OpCodes.Ldstr, span.File);
        foreach (int n in (int[])[span.Line, span.Column, span.EndLine, span.EndColumn, span.StartOffset, span.EndOffset])
        {
            il.Emit(OpCodes.Ldc_I4, n);
        }

        il.Emit(OpCodes.Newobj, typeof(SourceSpan).GetConstructors().Single(c => c.GetParameters().Length == 7));
    }

    /// <summary>
    /// RunContext.Enter, at the start of an activation (the method's own or an inlined one): one
    /// test; when the budget is a multiple of the poll interval, and always at budget 0 (past the
    /// depth limit), <see cref="CompiledRuntime.EnterTypedSlow"/> raises the interpreter's
    /// stack-overflow error naming the function, checks the host stack now and then, and polls for
    /// an interrupt. Raised here, the error passes the caller's call site first, as in the interpreter.
    /// </summary>
    private void EmitEnter()
    {
        if (!checksEachEntry)
        {
            return;
        }

        var fast = il.DefineLabel();
        LoadBudget(inlineLevel);
        il.Emit(OpCodes.Ldc_I4, pollInterval - 1);
        il.Emit(OpCodes.And);
        il.Emit(OpCodes.Brtrue, fast);
        // The helper only when it has something to do: at a multiple of 128 (the host stack; 0 is past the limit) or on an interrupt.
        var slow = il.DefineLabel();
        LoadBudget(inlineLevel);
        il.Emit(OpCodes.Ldc_I4, SlowEntryInterval - 1);
        il.Emit(OpCodes.And);
        il.Emit(OpCodes.Brfalse, slow);
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, typeof(RunContext).GetProperty(nameof(RunContext.Cancellation))!.GetMethod!);
        il.Emit(OpCodes.Stloc, token);
        il.Emit(OpCodes.Ldloca, token);
        il.Emit(OpCodes.Call, typeof(CancellationToken).GetProperty(nameof(CancellationToken.IsCancellationRequested))!.GetMethod!);
        il.Emit(OpCodes.Brfalse, fast);
        il.MarkLabel(slow);
        bool traced = enclosingSites.Count > 0;
        if (traced)
        {
            BeginTracedRegion();
        }

        il.Emit(OpCodes.Ldarg, CtxArg);
        LoadBudget(inlineLevel);
        il.Emit(OpCodes.Ldstr, fn.Name);
        il.Emit(OpCodes.Call, typeof(CompiledRuntime).GetMethod(nameof(CompiledRuntime.EnterTypedSlow))!);
        if (traced)
        {
            EndTracedRegion();
        }

        il.MarkLabel(fast);
    }

    /// <summary>Whether the body loops (recur, or a self call in tail position, which is a jump): only then does it keep the interrupt token.</summary>
    private static bool HasBackEdge(Node node) =>
        node is RecurNode or LoopNode or InvokeNode { Fn: LocalRefNode { Access: LocalAccess.Self }, Context: NodeContext.Tail }
        || IrChildren.Of(node).Any(HasBackEdge);

    private void EmitPrimitive(InvokeNode call)
    {
        var op = ((Builtin)((GlobalRefNode)call.Fn).Var.Value!).Op;
        bool isDouble = types.KindOf(call.Args[0]) == ValueKind.Double;
        EmitOperands(call.Args, KindsOf(call.Args));

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
}
