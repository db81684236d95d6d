using System.Collections.Immutable;
using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Compiles a typed function's raw body (docs/design/native-typed.md): raw arguments in rdi, rsi,
/// rdx, rcx, r8, r9 (a float as its bits), the raw result in rax, no closure and no argument count.
/// Its boxed entry (<see cref="FunctionCompiler"/>) checks and unboxes the arguments and boxes the
/// result; typed callers call this body directly. Locals live in frame slots as raw words (the
/// collector's conservative scan may read them as pointers, which only keeps a block alive), every
/// expression leaves its value in rax, and the register also serves as a one-entry cache of a
/// local (the last assigned, the first parameter on entry), so a temporary used by the next
/// statement is not read back from memory, and is not even stored when that is its only read
/// (<see cref="ReadsFromRax"/>). docs/design/native-typed.md, "Code shape", shows fib's code.
/// </summary>
internal sealed partial class TypedBodyCompiler
{
    private static readonly AssemblerRegister64[] ArgumentRegisters = [rdi, rsi, rdx, rcx, r8, r9];

    private readonly CodeContext ctx;
    private readonly Assembler asm;
    private readonly string name;
    private readonly TypedArity typed;
    private readonly Label self;
    // Cells and records, not Iced's Label struct or tuples of it, in framework collections: those
    // generic instantiations are not precompiled (ReadyToRun) and were JIT-compiled in every build.
    private readonly Stack<LabelCell> loopStarts = new();

    /// <summary>For each loop in <see cref="loopStarts"/>, the variable rax holds at its head, or null (the function's own loop).</summary>
    private readonly Stack<LocalBinding?> loopCarried = new();
    private readonly List<TypedStub> stubs;
    private readonly IReadOnlySet<LocalBinding> singleUseTemps;

    /// <summary>What this body shares with the bodies inlined into it (or with the body it is inlined into).</summary>
    private readonly SharedFrame frame;

    /// <summary>The first frame slot of this function's locals: 0, or past the locals of the body it is inlined into.</summary>
    private readonly int slotBase;

    /// <summary>An inlined body's returns jump here with the value in rax; null for a real return (the body's own, or a tail copy's in it).</summary>
    private readonly LabelCell? returnTo;

    /// <summary>True for a body compiled into another (<see cref="EmitInlinedCall"/>): no prologue, no argument registers.</summary>
    private readonly bool inlined;

    /// <summary>True when small typed functions are compiled into this body (<see cref="TypedFunctions.InlinesInto"/>).</summary>
    private readonly bool inlinesInto;

    /// <summary>The one copy of each function this body tail-calls inline, emitted after the body (<see cref="EmitTailCopies"/>).</summary>
    private readonly Dictionary<LArity, LabelCell> tailCopies = new(ReferenceEqualityComparer.Instance);
    private readonly List<PendingCopy> pendingCopies = [];

    /// <summary>
    /// Temporaries whose value went from rax straight to their one reader, the next statement,
    /// without a store: their frame slots are stale, and reading one from memory is a compiler bug.
    /// </summary>
    private readonly HashSet<LocalBinding> unstoredTemps = new(ReferenceEqualityComparer.Instance);
    private Label argumentsStart;

    /// <summary>Where the body starts once the parameters are in their homes.</summary>
    private Label bodyStart;


    /// <summary>The local whose value rax holds right now (also in its slot), or null.</summary>
    private LocalBinding? raxHolds;

    public TypedBodyCompiler(CodeContext ctx, string name, TypedArity typed, Label self)
    {
        this.ctx = ctx;
        asm = ctx.Asm;
        this.name = name;
        this.typed = typed;
        this.self = self;
        singleUseTemps = SingleUseTemps.Of(typed.Arity.Body);
        frame = new SharedFrame();
        stubs = frame.Stubs;
        registerHomes = frame.RegisterHomes;
        inlinesInto = typed.LowLevel && ctx.Typed.InlinesInto(typed.Arity);
    }

    /// <summary>The body of <paramref name="callee"/> compiled into <paramref name="host"/>'s code.</summary>
    private TypedBodyCompiler(TypedBodyCompiler host, string name, TypedArity callee, LabelCell? returnTo)
    {
        ctx = host.ctx;
        asm = host.asm;
        this.name = name;
        typed = callee;
        self = host.self;
        singleUseTemps = SingleUseTemps.Of(callee.Arity.Body);
        frame = host.frame;
        stubs = frame.Stubs;
        registerHomes = frame.RegisterHomes;
        slotBase = frame.SlotBases.GetValueOrDefault(callee.Arity);
        this.returnTo = returnTo;
        inlined = true;
        inlinesInto = host.inlinesInto;
    }

    private bool hasFrame => frame.HasFrame;

    /// <summary>The frame below the saved rbp: fixed, since typed code leaves rsp where the prologue put it between statements.</summary>
    private int frameBytes => frame.FrameBytes;

    /// <summary>False for a typed runtime routine that cannot recurse (<see cref="TypedRoutines"/>): no stack guard.</summary>
    public bool ChecksStack { get; init; } = true;

    public void Compile(ref Label entry)
    {
        var arity = typed.Arity;
        PlanHomes();
        asm.Bind(ref entry);
        if (hasFrame)
        {
            asm.push(rbp);
            asm.mov(rbp, rsp);
            asm.sub(rsp, frameBytes);
        }

        if (ChecksStack)
        {
            EmitStackGuard();
        }

        // A self tail call and the function's own recur come back here with the new arguments in
        // their registers, past the guard (a loop does not deepen the stack).
        argumentsStart = asm.CreateLabel();
        asm.Bind(ref argumentsStart);
        for (var p = 0; p < arity.Params.Length; p++)
        {
            StoreLocal(arity.Params[p], ArgumentRegisters[p]);
        }

        // With locals in registers, the function's own recur and self tail calls assign the
        // parameters' homes in parallel and come back here instead (an argument register may be
        // some parameter's home).
        bodyStart = asm.CreateLabel();
        asm.Bind(ref bodyStart);
        if (arity.Params.Length > 0)
        {
            // The first parameter is usually read first (fib's (< n 2)): from a register, not
            // through the store just made.
            if (registerHomes.Count > 0)
            {
                LoadLocal(arity.Params[0], rax);
            }
            else
            {
                asm.mov(rax, rdi);
            }

            raxHolds = arity.Params[0];
        }

        EmitBody(argumentsStart);
        for (var i = 0; i < stubs.Count; i++)
        {
            var label = stubs[i].Label;
            asm.Bind(ref label);
            stubs[i].Emit();
        }
    }

    /// <summary>The statements, a return for a fall-through, then the copies of functions they tail-call inline.</summary>
    private void EmitBody(Label start)
    {
        var arity = typed.Arity;
        loopStarts.Push(new LabelCell(start));
        loopCarried.Push(null);
        EmitBlock(arity.Body);
        loopStarts.Pop();
        loopCarried.Pop();

        if (!EndsInJump(arity.Body))
        {
            // Every path of a lowered body returns; this only keeps a fall-through well defined.
            asm.xor(eax, eax);
            EmitReturn();
        }

        EmitTailCopies();
    }

    /// <summary>Leaves with the value in rax: a real return, or the jump out of an inlined body.</summary>
    private void EmitReturn()
    {
        if (returnTo is not null)
        {
            asm.jmp(returnTo.Label);
            return;
        }

        EmitEpilogue();
        asm.ret();
    }

    /// <summary>
    /// Removes the frame: `add rsp; pop rbp`, not `leave`. On the machine of docs/benchmarks.md
    /// ("Native typed fib, second pass") fib(38) with `leave` took 1.4× the time it takes with
    /// this; `mov rsp, rbp; pop rbp` was in between. rsp is rbp less the frame at every return
    /// and tail call (only recur pushes, and it pops as much before it jumps).
    /// </summary>
    private void EmitEpilogue()
    {
        if (hasFrame)
        {
            asm.add(rsp, frameBytes);
            asm.pop(rbp);
        }
    }

    /// <summary>How far below the stack limit a typed runtime routine may still run (of the 512 KiB left for reporting errors).</summary>
    private const int RoutineStackHeadroom = 256 * 1024;

    /// <summary>The same guard as boxed code: deep recursion is Zylisp's stack-overflow error.</summary>
    private void EmitStackGuard()
    {
        var overflow = Stub(() =>
        {
            asm.lea(rdi, __[r14 + (ctx.Data.String(name) + ValueTags.PointerTag)]);
            asm.jmp(ctx.Runtime.Label("stack-overflow"));
        });
        if (ctx.RoutineBodies)
        {
            // A runtime routine (the printer) also runs while an error is reported, in the headroom
            // below the limit: it stops only halfway into that headroom. The compare is signed: a
            // session's interrupt sets the limit to -1 (NativeSession.Interrupt), which stops
            // compiled code at its next call, but the printer that reports the interrupt must run.
            asm.lea(rax, __[rsp + RoutineStackHeadroom]);
            asm.cmp(rax, __qword_ptr[r15 + RuntimeCells.StackLimit]);
            asm.jl(overflow);
        }
        else
        {
            asm.cmp(rsp, __qword_ptr[r15 + RuntimeCells.StackLimit]);
            asm.jb(overflow);
        }
    }

    private static int SlotOffset(int slot) => -16 - (8 * slot);

    private Label Stub(Action emit)
    {
        var label = asm.CreateLabel();
        stubs.Add(new TypedStub(label, emit));
        return label;
    }

    private void BindHere(ref Label label)
    {
        asm.Bind(ref label);
        raxHolds = null;
    }

    private void SetSite(SourceSpan? span)
    {
        var site = ctx.Site(span);
        if (site != 0)
        {
            asm.mov(__qword_ptr[r15 + RuntimeCells.CurrentSite], site);
        }
    }

    // ---- statements ----

    private void EmitBlock(ImmutableArray<LStmt> statements)
    {
        for (var i = 0; i < statements.Length; i++)
        {
            // (if (< a b) ...): a comparison read only by the next if becomes a compare and a branch.
            if (statements[i] is AssignStmt { Value: CallExpr test } assign
                && i + 1 < statements.Length
                && statements[i + 1] is IfStmt { Test: LocalOperand local } branch
                && ReferenceEquals(local.Binding, assign.Target)
                && singleUseTemps.Contains(assign.Target)
                && IsComparison(test))
            {
                EmitIf(branch, test);
                i++;
                continue;
            }

            EmitStatement(statements[i], i + 1 < statements.Length ? statements[i + 1] : null);
        }
    }

    private void EmitStatement(LStmt statement, LStmt? next)
    {
        switch (statement)
        {
            case ExprStmt { Value: CallExpr { Fn: GlobalOperand { Var.Name: "%store-word!" } } store } when typed.LowLevel && IsDiscardedStore(store):
                // A store made for its effect leaves rax, and what it caches, alone.
                EmitDiscardedStore(store);
                return;
            case ExprStmt e:
                EmitExpr(e.Value);
                break;
            case AssignStmt a when typed.IsFixed(a.Target):
                // Read as an immediate (a constant) or computed from r15 (a cell) wherever it is used;
                // a cell is still checked here, where the code names it (only routines may).
                if (typed.TryCell(a.Target, out var cell))
                {
                    LowLevelOps.CellOf(cell, ctx.Runtime.Heap, ctx.RoutineBodies);
                }

                break;
            case AssignStmt a:
                EmitExpr(a.Value);
                if (singleUseTemps.Contains(a.Target) && next is not null && ReadsFromRax(next, a.Target))
                {
                    unstoredTemps.Add(a.Target);
                }
                else
                {
                    StoreLocal(a.Target, rax);
                }

                raxHolds = a.Target;
                break;
            case ReturnStmt { Value: CallExpr call } when IsDirectCall(call):
                // Returning another typed function's result: jump to it, this frame gone.
                EmitTailCall(call);
                break;
            case ReturnStmt r:
                EmitExpr(r.Value);
                EmitReturn();
                break;
            case TailCallStmt t:
                EmitTailCall(t.Call);
                break;
            case IfStmt { Test: ConstOperand { Value: not bool } test, Truthiness: Truthiness.Clojure } i:
                EmitBlock(TypedArity.IsTruthy(test.Value) ? i.Then : i.Else);
                break;
            case IfStmt i:
                EmitIf(i, null);
                break;
            case LoopStmt l:
            {
                // The loop's first variable arrives at the head in rax, from the entry and from
                // every recur: a loop that steps one variable (a cursor) keeps it off the round
                // trip through its slot, which a store and a load on every iteration's critical
                // path would be.
                var carried = l.Bindings.Length > 0 && !typed.IsFixed(l.Bindings[0]) ? l.Bindings[0] : null;
                if (carried is not null && !ReferenceEquals(raxHolds, carried))
                {
                    LoadLocal(carried, rax);
                }

                var start = asm.CreateLabel();
                BindHere(ref start);
                raxHolds = carried;
                loopStarts.Push(new LabelCell(start));
                loopCarried.Push(carried);
                EmitBlock(l.Body);
                loopStarts.Pop();
                loopCarried.Pop();
                break;
            }

            case RecurStmt r when loopStarts.Count == 1 && IsParameters(r.Targets):
                // The function's own recur: new arguments in their registers, as a self tail call.
                JumpToSelf(r.Args);
                break;
            case RecurStmt r:
                Reassign(r.Targets, r.Args);
                if (loopCarried.Peek() is { } head && !ReferenceEquals(raxHolds, head))
                {
                    LoadLocal(head, rax);
                }

                asm.jmp(loopStarts.Peek().Label);
                break;
            default:
                throw new InvalidOperationException($"{statement.GetType().Name} in a typed body");
        }

        if (statement is not AssignStmt)
        {
            raxHolds = null;
        }
    }

    private bool IsParameters(ImmutableArray<LocalBinding> targets)
    {
        var parameters = typed.Arity.Params;
        if (targets.Length != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < targets.Length; i++)
        {
            if (!ReferenceEquals(targets[i], parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Assigns all operands at once (through the stack), as recur does. A loop variable recurred
    /// with itself keeps its slot untouched: a loop that carries many variables and changes one
    /// (the collector's sweep) moves one word.
    /// </summary>
    private void Reassign(ImmutableArray<LocalBinding> targets, ImmutableArray<Operand> args)
    {
        var changed = 0;
        for (var i = 0; i < args.Length; i++)
        {
            changed += IsItself(args[i], targets[i]) ? 0 : 1;
        }

        if (changed == 1)
        {
            // One word moves: no other assignment can read the slot it overwrites.
            var i = 0;
            while (IsItself(args[i], targets[i]))
            {
                i++;
            }

            Load(args[i], rax);
            StoreLocal(targets[i], rax);
            raxHolds = targets[i];
            return;
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (!IsItself(args[i], targets[i]))
            {
                Load(args[i], rcx);
                asm.push(rcx);
            }
        }

        for (var i = targets.Length - 1; i >= 0; i--)
        {
            if (!IsItself(args[i], targets[i]))
            {
                if (TryRegisterHome(targets[i], out var home))
                {
                    asm.pop(home);
                }
                else
                {
                    asm.pop(rcx);
                    StoreLocal(targets[i], rcx);
                }
            }
        }

        raxHolds = null;
    }

    private bool IsItself(Operand arg, LocalBinding target) =>
        arg is LocalOperand local && ReferenceEquals(local.Binding, target)
        && !typed.IsFixed(target) && !unstoredTemps.Contains(target);

    private void EmitIf(IfStmt node, CallExpr? fusedTest)
    {
        var otherwise = asm.CreateLabel();
        var end = asm.CreateLabel();
        if (fusedTest is not null)
        {
            EmitComparison(fusedTest).JumpIfFalse(asm, otherwise);
        }
        else
        {
            Load(node.Test, rax);
            asm.test(eax, eax);
            asm.jz(otherwise);
        }

        var held = raxHolds;
        EmitBlock(node.Then);
        if (!EndsInJump(node.Then))
        {
            asm.jmp(end);
        }

        asm.Bind(ref otherwise);
        // Both branches start from the same registers.
        raxHolds = held;
        EmitBlock(node.Else);
        BindHere(ref end);
    }

    /// <summary>
    /// True when <paramref name="next"/> reads <paramref name="temp"/> (rax's value) before its code
    /// writes rax: as a call's argument (loaded into an argument register), as one of the two
    /// operands of an integer + - * or comparison (the second goes to rcx before the first to rax),
    /// as an if's test, a returned or assigned operand, or a recur argument. Then the temporary
    /// needs no frame slot. Anything else (float operations load their first operand through rax)
    /// keeps the store.
    /// </summary>
    private bool ReadsFromRax(LStmt next, LocalBinding temp) => next switch
    {
        AssignStmt a => !typed.IsFixed(a.Target) && ExprReadsFromRax(a.Value, temp),
        ExprStmt e => ExprReadsFromRax(e.Value, temp),
        ReturnStmt r => ExprReadsFromRax(r.Value, temp),
        TailCallStmt t => ExprReadsFromRax(t.Call, temp),
        IfStmt { Test: LocalOperand test } => ReferenceEquals(test.Binding, temp),
        RecurStmt r => IndexOf(r.Args, temp) >= 0,
        _ => false,
    };

    private bool ExprReadsFromRax(LExpr expr, LocalBinding temp)
    {
        switch (expr)
        {
            case LocalOperand local:
                return ReferenceEquals(local.Binding, temp);
            case CallExpr call when IsDirectCall(call):
                return IndexOf(call.Args, temp) >= 0;
            case CallExpr { Fn: GlobalOperand global } call
                when typed.LowLevel && LowLevelOps.ResultKind(global.Var.Name, OperandKinds(call)) is not null:
                // Every low-level primitive loads all its operands before it writes rax.
                return IndexOf(call.Args, temp) >= 0;
            case CallExpr { Fn: GlobalOperand global, Args.Length: 2 } call
                when typed.KindOf(call.Args[0]) == RawKind.Long && typed.KindOf(call.Args[1]) == RawKind.Long
                    && !(typed.LowLevel && LowLevelOps.ResultKind(global.Var.Name, OperandKinds(call)) is not null):
                return ctx.PrimitiveFor(global.Var)?.Name is "+" or "-" or "*" or "<" or ">" or "<=" or ">=" or "==" or "="
                    && IndexOf(call.Args, temp) >= 0;
            default:
                return false;
        }
    }

    private static int IndexOf(ImmutableArray<Operand> operands, LocalBinding local)
    {
        for (var i = 0; i < operands.Length; i++)
        {
            if (operands[i] is LocalOperand l && ReferenceEquals(l.Binding, local))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A call of this function or of a typed global: code that can be jumped to with raw arguments.</summary>
    private bool IsDirectCall(CallExpr call) =>
        call.Fn is LocalOperand { Access: LocalAccess.Self }
        || (call.Fn is GlobalOperand global && ctx.Typed.GlobalFunction(NativeLibrary.GlobalName(global.Var.Name)) is not null);

    /// <summary>True when control never falls out of the block's end (it returns, jumps or recurs).</summary>
    private static bool EndsInJump(ImmutableArray<LStmt> block) => block.Length > 0 && block[^1] switch
    {
        ReturnStmt or TailCallStmt or RecurStmt => true,
        IfStmt i => EndsInJump(i.Then) && EndsInJump(i.Else),
        _ => false,
    };

    /// <summary>
    /// Starts the body again with new arguments (the function's own recur, a self tail call).
    /// Loading the argument registers is a parallel assignment only while they are no local's
    /// home; with locals in registers the parameters' homes are assigned as recur assigns.
    /// </summary>
    private void JumpToSelf(ImmutableArray<Operand> args)
    {
        if (registerHomes.Count == 0 && !inlined)
        {
            LoadArguments(args);
            asm.jmp(argumentsStart);
            return;
        }

        Reassign(typed.Arity.Params, args);
        asm.jmp(bodyStart);
    }

    private void EmitTailCall(CallExpr call)
    {
        if (call.Fn is LocalOperand { Access: LocalAccess.Self })
        {
            // A tail call of the function itself is a jump back to its start with new arguments.
            JumpToSelf(call.Args);
            return;
        }

        if (call.Fn is GlobalOperand global && ctx.Typed.GlobalFunction(NativeLibrary.GlobalName(global.Var.Name)) is { } callee)
        {
            if (IsInlined(callee))
            {
                EmitInlinedTailCall(call, global, callee);
                return;
            }

            if (returnTo is null)
            {
                PrepareDirectCall(call, global);
                EmitEpilogue();
                asm.jmp(ctx.TypedBodyLabel(callee));
                return;
            }
        }

        EmitExpr(call);
        EmitReturn();
    }

    // ---- expressions: the value in rax ----

    private void EmitExpr(LExpr expr)
    {
        switch (expr)
        {
            case Operand operand:
                Load(operand, rax);
                break;
            case CallExpr call:
                EmitCall(call);
                raxHolds = null;
                break;
            default:
                throw new InvalidOperationException($"{expr.GetType().Name} in a typed body");
        }
    }

    private void EmitCall(CallExpr call)
    {
        if (call.Fn is LocalOperand { Access: LocalAccess.Self })
        {
            LoadArguments(call.Args);
            SetSite(call.Span);
            asm.call(self);
            return;
        }

        var global = (GlobalOperand)call.Fn;
        var globalName = NativeLibrary.GlobalName(global.Var.Name);
        if (ctx.Typed.GlobalFunction(globalName) is { } callee)
        {
            if (IsInlined(callee))
            {
                EmitInlinedCall(call, global, callee);
                return;
            }

            PrepareDirectCall(call, global);
            asm.call(ctx.TypedBodyLabel(callee));
            return;
        }

        if (typed.LowLevel && LowLevelOps.ResultKind(global.Var.Name, OperandKinds(call)) is not null)
        {
            EmitLowLevel(global.Var.Name, call);
            return;
        }

        EmitPrimitive(ctx.PrimitiveFor(global.Var)!.Name, call);
    }

    /// <summary>
    /// Arguments in registers, the site recorded, and the global checked to be defined: until its
    /// def has run, calling it is the interpreter's undefined-symbol error.
    /// </summary>
    private void PrepareDirectCall(CallExpr call, GlobalOperand global)
    {
        LoadArguments(call.Args);
        CheckDefined(call, global);
    }

    /// <summary>Until a typed global's def has run, calling it is the interpreter's undefined-symbol error; the site is recorded.</summary>
    private void CheckDefined(CallExpr call, GlobalOperand global)
    {
        if (ctx.RoutineBodies)
        {
            // Runtime routines are never globals: their defs never run, and they are always there.
            return;
        }

        var undefined = Stub(() =>
        {
            SetSite(global.Span);
            asm.lea(rdi, __[r14 + (ctx.Data.String(global.Var.Name) + ValueTags.PointerTag)]);
            asm.jmp(ctx.Runtime.Label("undefined-global"));
        });
        asm.cmp(__qword_ptr[r15 + ctx.GlobalCell(global.Var)], (int)ValueTags.Unbound);
        asm.je(undefined);
        SetSite(call.Span);
    }

    private void LoadArguments(ImmutableArray<Operand> args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            Load(args[i], ArgumentRegisters[i]);
        }
    }

    private RawKind[] OperandKinds(CallExpr call)
    {
        // A loop, not Select: LINQ to a value type is JIT-compiled in every build (not ReadyToRun).
        var kinds = new RawKind[call.Args.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = typed.KindOf(call.Args[i]);
        }

        return kinds;
    }

    // ---- operands ----

    /// <summary>Loads an operand's raw word into <paramref name="target"/>, touching no other register.</summary>
    private void Load(Operand operand, AssemblerRegister64 target)
    {
        switch (operand)
        {
            case LocalOperand local when typed.TryConstant(local.Binding, out var constant):
                asm.mov(target, constant);
                break;
            case LocalOperand local when typed.TryCell(local.Binding, out var cell):
                asm.lea(target, __[r15 + LowLevelOps.CellOf(cell, ctx.Runtime.Heap, ctx.RoutineBodies)]);
                break;
            case LocalOperand local when ReferenceEquals(local.Binding, raxHolds):
                if (target != rax)
                {
                    asm.mov(target, rax);
                }

                return;
            case LocalOperand local when unstoredTemps.Contains(local.Binding):
                throw new InvalidOperationException($"typed body of `{name}`: temporary {local.Binding.Name} read after rax changed, but it was never stored");
            case LocalOperand local when TryRegisterHome(local.Binding, out var home):
                if (target != home)
                {
                    asm.mov(target, home);
                }

                break;
            case LocalOperand local:
                asm.mov(target, Slot(local.Index));
                break;
            case ConstOperand { Value: long n }:
                asm.mov(target, n);
                break;
            case ConstOperand { Value: double d }:
                asm.mov(target, BitConverter.DoubleToInt64Bits(d));
                break;
            case ConstOperand { Value: bool b }:
                asm.mov(target, b ? 1L : 0L);
                break;
            case ConstOperand c:
                LoadValueConstant(c, target);
                break;
            default:
                throw new InvalidOperationException($"operand {operand.GetType().Name} in a typed body");
        }

        if (target == rax)
        {
            raxHolds = null;
        }
    }

    /// <summary>Loads an operand as a double into <paramref name="target"/> (through <paramref name="scratch"/>): integers convert as the interpreter's contagion does.</summary>
    private void LoadDouble(Operand operand, AssemblerRegisterXMM target, AssemblerRegister64 scratch)
    {
        if (operand is ConstOperand { Value: long n })
        {
            asm.mov(scratch, BitConverter.DoubleToInt64Bits(n));
            asm.movq(target, scratch);
            return;
        }

        Load(operand, scratch);
        if (typed.KindOf(operand) == RawKind.Long)
        {
            asm.cvtsi2sd(target, scratch);
        }
        else
        {
            asm.movq(target, scratch);
        }
    }

    private bool FitsImmediate(Operand operand, out int value)
    {
        long? known = operand switch
        {
            ConstOperand { Value: long n } => n,
            LocalOperand local when typed.TryConstant(local.Binding, out var constant) => constant,
            _ => null,
        };
        if (known is { } k && k is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)k;
            return true;
        }

        value = 0;
        return false;
    }
}

/// <summary>Out-of-line code of a typed body (a slow path), emitted after the body at its label.</summary>
internal sealed record TypedStub(Label Label, Action Emit);
