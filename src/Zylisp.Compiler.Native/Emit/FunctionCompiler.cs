using System.Collections.Immutable;
using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Syntax;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Compiles one body (a function arity or a top-level form) from lowered statements to x86-64.
/// Every local lives in a frame slot ([rbp-16-8*slot]; the running closure at [rbp-8]), operands are
/// loaded straight into the register that needs them, and every expression leaves its value in rax.
/// Calls use the Zylisp convention (docs/design/native-backend.md): arguments as System V, the
/// argument count in eax and the closure in r10.
/// </summary>
internal sealed class FunctionCompiler : ILoweredStmtVisitor<bool>, ILoweredExprVisitor<bool>
{
    private static readonly AssemblerRegister64[] ArgumentRegisters = [rdi, rsi, rdx, rcx, r8, r9];

    private readonly CodeContext ctx;
    private readonly Assembler asm;
    private readonly string name;
    // LabelCell and PendingStub, not Label and value tuples: framework collections over another
    // assembly's structs are JIT-compiled in every build (docs/design/native-compile-latency.md).
    private readonly Stack<LabelCell> loopStarts = new();

    /// <summary>
    /// How many arguments the arity being compiled received on the stack (its caller pops them),
    /// or null when that varies (a variadic arity). A tail call with exactly as many stack
    /// arguments reuses those slots, so it needs no stack either.
    /// </summary>
    private int? incomingStackArgs = 0;
    private readonly List<PendingStub> stubs = [];
    private int tryDepth;
    private IReadOnlySet<LocalBinding> singleUseTemps = new HashSet<LocalBinding>();
    private TypeAnnotation? returnType;
    private int frameBytes;

    public FunctionCompiler(CodeContext ctx, string name)
    {
        this.ctx = ctx;
        asm = ctx.Asm;
        this.name = name;
    }

    /// <summary>A function: the entry dispatches on the argument count to one body per arity.</summary>
    public void CompileFunction(LFunction function, ref Label entry)
    {
        asm.Bind(ref entry);
        if (ctx.Typed.For(function) is { } typed)
        {
            CompileBoxedEntry(function, typed);
            return;
        }

        var arityLabels = new Label[function.Arities.Length];
        for (var i = 0; i < arityLabels.Length; i++)
        {
            arityLabels[i] = asm.CreateLabel();
        }

        // Exact arities first; a variadic arity takes any count from its required one up.
        for (var i = 0; i < function.Arities.Length; i++)
        {
            if (function.Arities[i].Rest is null)
            {
                asm.cmp(eax, function.Arities[i].RequiredCount);
                asm.je(arityLabels[i]);
            }
        }

        for (var i = 0; i < function.Arities.Length; i++)
        {
            if (function.Arities[i].Rest is not null)
            {
                asm.cmp(eax, function.Arities[i].RequiredCount);
                asm.jge(arityLabels[i]);
            }
        }

        // No arity matches: the runtime reports the count against the closure's name.
        asm.mov(rdi, r10);
        asm.mov(esi, eax);
        asm.jmp(ctx.Runtime.Label("arity-error"));

        for (var i = 0; i < function.Arities.Length; i++)
        {
            var arity = function.Arities[i];
            var label = arityLabels[i];
            asm.Bind(ref label);
            incomingStackArgs = arity.Rest is null ? Math.Max(0, arity.Params.Length - ArgumentRegisters.Length) : null;
            if (arity.Rest is { } rest)
            {
                // Seven extra slots: the six register arguments (argument i in slot F+5-i, so they
                // ascend in memory like the stack arguments) and the count.
                var spill = arity.FrameSize;
                Prologue(arity.FrameSize + 7);
                for (var r = 0; r < ArgumentRegisters.Length; r++)
                {
                    asm.mov(__qword_ptr[rbp + SlotOffset(spill + 5 - r)], ArgumentRegisters[r]);
                }

                asm.mov(__qword_ptr[rbp + SlotOffset(spill + 6)], rax);
                asm.lea(rdi, __[rbp + SlotOffset(spill + 5)]);
                asm.lea(rsi, __[rbp + 16]);
                asm.mov(edx, eax);
                asm.mov(ecx, arity.RequiredCount);
                asm.call(ctx.Runtime.Label("rest-list"));
                asm.mov(__qword_ptr[rbp + SlotOffset(rest.Slot)], rax);
                for (var r = 0; r < ArgumentRegisters.Length; r++)
                {
                    asm.mov(ArgumentRegisters[r], __qword_ptr[rbp + SlotOffset(spill + 5 - r)]);
                }
            }
            else
            {
                Prologue(arity.FrameSize);
            }

            for (var p = 0; p < arity.Params.Length; p++)
            {
                if (p < ArgumentRegisters.Length)
                {
                    asm.mov(__qword_ptr[rbp + SlotOffset(arity.Params[p].Slot)], ArgumentRegisters[p]);
                }
                else
                {
                    asm.mov(rax, __qword_ptr[rbp + (16 + (8 * (p - ArgumentRegisters.Length)))]);
                    asm.mov(__qword_ptr[rbp + SlotOffset(arity.Params[p].Slot)], rax);
                }
            }

            CheckParameterTypes(function.Name, arity);
            returnType = arity.ReturnType is { Kind: not TypeKind.Any } type ? type : null;
            var bodyStart = asm.CreateLabel();
            asm.Bind(ref bodyStart);
            singleUseTemps = SingleUseTemps.Of(arity.Body, namedLocals: true);
            loopStarts.Push(new LabelCell(bodyStart));
            EmitBlock(arity.Body);
            loopStarts.Pop();
            asm.mov(rax, ValueTags.Nil);
            CheckReturnType();
            asm.leave();
            asm.ret();
            returnType = null;
        }

        EmitStubs();
    }

    /// <summary>
    /// The entry of a function whose body runs unboxed (<see cref="TypedBodyCompiler"/>): checks the
    /// argument count and the (:args ...) annotations with the interpreter's errors, passes the raw
    /// arguments to the typed body and boxes its raw result. The body's result has the annotated
    /// type by construction, so the (:return ...) check cannot fail and is not compiled.
    /// </summary>
    private void CompileBoxedEntry(LFunction function, TypedArity typed)
    {
        var arity = typed.Arity;
        var body = asm.CreateLabel();
        asm.cmp(eax, arity.RequiredCount);
        asm.je(body);
        asm.mov(rdi, r10);
        asm.mov(esi, eax);
        asm.jmp(ctx.Runtime.Label("arity-error"));
        asm.Bind(ref body);
        Prologue(arity.FrameSize);
        for (var p = 0; p < arity.Params.Length; p++)
        {
            asm.mov(__qword_ptr[rbp + SlotOffset(arity.Params[p].Slot)], ArgumentRegisters[p]);
        }

        CheckParameterTypes(function.Name, arity);
        for (var p = 0; p < arity.Params.Length; p++)
        {
            var register = ArgumentRegisters[p];
            var slot = __qword_ptr[rbp + SlotOffset(arity.Params[p].Slot)];
            switch (typed.Signature.Params[p])
            {
                case RawKind.Long:
                    // A fixnum shifts its tag bit out into CF; a boxed integer holds its int64.
                    var unboxed = asm.CreateLabel();
                    asm.mov(register, slot);
                    asm.sar(register, 1);
                    asm.jnc(unboxed);
                    asm.mov(register, slot);
                    asm.mov(register, __qword_ptr[register + (ObjectLayout.BoxedIntegerValue - ValueTags.PointerTag)]);
                    asm.Bind(ref unboxed);
                    break;
                case RawKind.Double:
                    asm.mov(register, slot);
                    asm.mov(register, __qword_ptr[register + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
                    break;
                case RawKind.Bool:
                    asm.xor(r11d, r11d);
                    asm.cmp(slot, (int)ValueTags.True);
                    asm.sete(r11b);
                    asm.mov(register, r11);
                    break;
                default:
                    asm.mov(register, slot);
                    break;
            }
        }

        asm.call(ctx.TypedBodyLabel(function));
        switch (typed.Signature.Return)
        {
            case RawKind.Long:
                asm.call(ctx.Runtime.Label("box-int"));
                break;
            case RawKind.Double:
                asm.movq(xmm0, rax);
                asm.call(ctx.Runtime.Label("box-double"));
                break;
            case RawKind.Bool:
                asm.test(eax, eax);
                asm.mov(eax, (int)ValueTags.False);
                asm.mov(ecx, (int)ValueTags.True);
                asm.cmovne(eax, ecx);
                break;
        }

        asm.leave();
        asm.ret();
        EmitStubs();
    }

    /// <summary>A top-level form: called with no arguments, returns the form's value.</summary>
    public void CompileTopLevel(LTopLevel form, ref Label entry)
    {
        asm.Bind(ref entry);
        Prologue(form.FrameSize);
        singleUseTemps = SingleUseTemps.Of(form.Body, namedLocals: true);
        EmitBlock(form.Body);
        ReturnValue(ValueTags.Nil);
        EmitStubs();
    }

    /// <summary>deffunc's (:args ...): each annotated parameter is checked on entry, as the interpreter does.</summary>
    private void CheckParameterTypes(string function, LArity arity)
    {
        if (arity.ParamTypes.IsDefaultOrEmpty)
        {
            return;
        }

        for (var i = 0; i < arity.ParamTypes.Length && i < arity.Params.Length; i++)
        {
            if (arity.ParamTypes[i] is { Kind: not TypeKind.Any } type)
            {
                asm.mov(rcx, __qword_ptr[rbp + SlotOffset(arity.Params[i].Slot)]);
                CheckType(function, $"argument `{arity.Params[i].Name}`", type);
            }
        }
    }

    /// <summary>With a (:return ...) annotation, checks the value in rax (kept) before the function returns it.</summary>
    private void CheckReturnType()
    {
        if (returnType is { } type)
        {
            asm.mov(rcx, rax);
            CheckType(name, "return value", type);
        }
    }

    /// <summary>Raises the annotation error unless rcx holds a value of the type (uses r11).</summary>
    private void CheckType(string function, string what, TypeAnnotation type)
    {
        var failed = Stub(() =>
        {
            asm.lea(rdi, __[r14 + (ctx.Data.String(function) + ValueTags.PointerTag)]);
            asm.lea(rsi, __[r14 + (ctx.Data.String(what) + ValueTags.PointerTag)]);
            asm.lea(rdx, __[r14 + (ctx.Data.String(type.Name) + ValueTags.PointerTag)]);
            asm.jmp(ctx.Runtime.Label("annotation-error"));
        });
        var ok = asm.CreateLabel();
        void IsObject(ObjectType objectType, Label otherwise)
        {
            asm.mov(r11, rcx);
            asm.and(r11d, 7);
            asm.cmp(r11d, ValueTags.PointerTag);
            asm.jne(otherwise);
            asm.cmp(__byte_ptr[rcx - ValueTags.PointerTag], (int)objectType);
            asm.jne(otherwise);
        }

        switch (type.Kind)
        {
            case TypeKind.Integer:
                asm.test(cl, 1);
                asm.jz(ok);
                IsObject(ObjectType.BoxedInteger, failed);
                break;
            case TypeKind.Float:
                IsObject(ObjectType.Float, failed);
                break;
            case TypeKind.String:
                IsObject(ObjectType.String, failed);
                break;
            default:
                asm.cmp(rcx, (int)ValueTags.True);
                asm.je(ok);
                asm.cmp(rcx, (int)ValueTags.False);
                asm.jne(failed);
                break;
        }

        asm.Bind(ref ok);
    }

    private void Prologue(int frameSize)
    {
        asm.push(rbp);
        asm.mov(rbp, rsp);
        frameBytes = ((8 + (8 * frameSize)) + 15) & ~15;
        asm.sub(rsp, frameBytes);
        asm.mov(__qword_ptr[rbp - 8], r10);
        ClearFrameSlots();

        // The guard that turns deep recursion into Zylisp's stack-overflow error.
        var overflow = Stub(() =>
        {
            asm.lea(rdi, __[r14 + (ctx.Data.String(name) + ValueTags.PointerTag)]);
            asm.jmp(ctx.Runtime.Label("stack-overflow"));
        });
        asm.cmp(rsp, __qword_ptr[r15 + RuntimeCells.StackLimit]);
        asm.jb(overflow);
    }

    /// <summary>
    /// Writes 0 into every slot of the new frame, the alignment slot included. A slot not written
    /// yet holds what an earlier call at this depth left there, and the collector scans it as a
    /// root while this frame lives: in (defn f [s] (+ 1 (count s))) the alignment slot of f's
    /// frame kept an early cell of the sequence count walks, and with it every later cell
    /// (issue 13). Keeps every register but r11.
    /// </summary>
    private void ClearFrameSlots()
    {
        var slots = (frameBytes / 8) - 1;
        if (slots <= 8)
        {
            for (var slot = 0; slot < slots; slot++)
            {
                asm.mov(__qword_ptr[rbp + SlotOffset(slot)], 0);
            }

            return;
        }

        // Slots 0..n-1 are [rsp + 8(n-1)] down to [rsp].
        var clear = asm.CreateLabel();
        asm.mov(r11d, slots);
        asm.Bind(ref clear);
        asm.mov(__qword_ptr[rsp + (r11 * 8) - 8], 0);
        asm.dec(r11d);
        asm.jnz(clear);
    }

    private static int SlotOffset(int slot) => -16 - (8 * slot);

    private void ReturnValue(long immediate)
    {
        asm.mov(rax, immediate);
        asm.leave();
        asm.ret();
    }

    private void EmitBlock(ImmutableArray<LStmt> statements)
    {
        foreach (var statement in statements)
        {
            statement.Accept(this);
        }
    }

    private Label Stub(Action emit)
    {
        var label = asm.CreateLabel();
        stubs.Add(new PendingStub(label, emit));
        return label;
    }

    private void EmitStubs()
    {
        // Stubs may add stubs (none do today), so index rather than enumerate.
        for (var i = 0; i < stubs.Count; i++)
        {
            var label = stubs[i].Label;
            asm.Bind(ref label);
            stubs[i].Emit();
        }

        stubs.Clear();
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

    public bool VisitExpr(ExprStmt node) => node.Value.Accept(this);

    public bool VisitAssign(AssignStmt node)
    {
        node.Value.Accept(this);
        asm.mov(__qword_ptr[rbp + SlotOffset(node.Target.Slot)], rax);
        // A move out of a local read only here (a loop's initial value, say (loop [s xs] ...))
        // leaves one slot holding the value, so a walk of the new local does not keep the head.
        if (node.Value is LocalOperand { Access: LocalAccess.Slot } source
            && source.Index != node.Target.Slot && singleUseTemps.Contains(source.Binding))
        {
            asm.mov(__qword_ptr[rbp + SlotOffset(source.Index)], (int)ValueTags.Nil);
        }

        return true;
    }

    public bool VisitReturn(ReturnStmt node)
    {
        node.Value.Accept(this);
        CheckReturnType();
        LeaveTries();
        asm.leave();
        asm.ret();
        return true;
    }

    public bool VisitTailCall(TailCallStmt node)
    {
        // Inside a try, or with a return type to check, the call has to come back here.
        if (tryDepth > 0 || returnType is not null)
        {
            EmitCall(node.Call);
            CheckReturnType();
            LeaveTries();
            asm.leave();
            asm.ret();
            return true;
        }

        EmitCall(node.Call, tail: true);
        return true;
    }

    public bool VisitIf(IfStmt node)
    {
        var otherwise = asm.CreateLabel();
        var end = asm.CreateLabel();
        if (node.Truthiness == Truthiness.Slisp)
        {
            Load(node.Test, rdi);
            asm.call(ctx.Runtime.Label("slisp-truthy"));
            asm.test(eax, eax);
            asm.je(otherwise);
        }
        else
        {
            Load(node.Test, rax);
            asm.or(rax, 8);
            asm.cmp(rax, (int)ValueTags.Nil);
            asm.je(otherwise);
        }

        EmitBlock(node.Then);
        asm.jmp(end);
        asm.Bind(ref otherwise);
        EmitBlock(node.Else);
        asm.Bind(ref end);
        return true;
    }

    public bool VisitLoop(LoopStmt node)
    {
        var start = asm.CreateLabel();
        asm.Bind(ref start);
        loopStarts.Push(new LabelCell(start));
        EmitBlock(node.Body);
        loopStarts.Pop();
        return true;
    }

    public bool VisitRecur(RecurStmt node)
    {
        foreach (var arg in node.Args)
        {
            Load(arg, rax);
            asm.push(rax);
        }

        for (var i = node.Targets.Length - 1; i >= 0; i--)
        {
            asm.pop(rax);
            asm.mov(__qword_ptr[rbp + SlotOffset(node.Targets[i].Slot)], rax);
        }

        asm.jmp(loopStarts.Peek().Label);
        return true;
    }

    public bool VisitTry(TryStmt node)
    {
        if (node.Finally is { } finallyBlock)
        {
            // try/catch/finally is try { try/catch } finally: the finally block also runs when
            // the handler itself throws.
            var inner = node with { Finally = null };
            EmitProtected(
                () => { if (node.Handler is null) { EmitBlock(node.Body); } else { VisitTry(inner); } },
                onError: () =>
                {
                    asm.push(rax);
                    asm.push(rax);
                    EmitBlock(finallyBlock);
                    asm.pop(rdi);
                    asm.pop(rdi);
                    asm.jmp(ctx.Runtime.Label("throw"));
                });
            EmitBlock(finallyBlock);
            return true;
        }

        EmitProtected(
            () => EmitBlock(node.Body),
            onError: () =>
            {
                if (node.CatchLocal is { } local)
                {
                    asm.mov(__qword_ptr[rbp + SlotOffset(local.Slot)], rax);
                }

                EmitBlock(node.Handler ?? []);
            });
        return true;
    }

    /// <summary>
    /// Runs <paramref name="body"/> under a handler record pushed on the stack
    /// ([prev][rbp][handler address][pad]); the runtime's throw unwinds to it with the value in rax.
    /// </summary>
    private void EmitProtected(Action body, Action onError)
    {
        var handler = asm.CreateLabel();
        var end = asm.CreateLabel();
        asm.push(0);
        asm.lea(rax, __[handler]);
        asm.push(rax);
        asm.push(rbp);
        asm.push(__qword_ptr[r15 + RuntimeCells.HandlerTop]);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HandlerTop], rsp);
        tryDepth++;
        body();
        tryDepth--;
        asm.pop(rcx);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HandlerTop], rcx);
        asm.add(rsp, 24);
        asm.jmp(end);
        asm.Bind(ref handler);
        onError();
        asm.Bind(ref end);
    }

    /// <summary>Before leaving the function from inside tries, unlinks this frame's handler records.</summary>
    private void LeaveTries()
    {
        if (tryDepth == 0)
        {
            return;
        }

        // The outermost record of this frame sits right below the frame's slots.
        asm.mov(rcx, __qword_ptr[rbp - (frameBytes + 32)]);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HandlerTop], rcx);
    }

    public bool VisitThrow(ThrowStmt node)
    {
        Load(node.Value, rdi);
        SetSite(node.Span);
        asm.jmp(ctx.Runtime.Label("throw"));
        return true;
    }

    // ---- expressions: each leaves its value in rax ----

    public bool VisitConst(ConstOperand node)
    {
        Load(node, rax);
        return true;
    }

    public bool VisitLocal(LocalOperand node)
    {
        Load(node, rax);
        return true;
    }

    public bool VisitGlobal(GlobalOperand node)
    {
        Load(node, rax);
        return true;
    }

    public bool VisitCall(CallExpr node)
    {
        EmitCall(node);
        return true;
    }

    public bool VisitCollection(CollectionExpr node)
    {
        switch (node.Kind)
        {
            case CollectionKind.Vector:
                EmitVector(node.Items);
                return true;
            case CollectionKind.Map:
                EmitRuntimeCall("hash-map", node.Items, node.Span);
                return true;
            case CollectionKind.Set:
                EmitRuntimeCall("vector", node.Items, node.Span);
                asm.mov(rdi, rax);
                asm.call(ctx.Runtime.Label("set-from-vector"));
                return true;
            default:
                throw new NativeCompileException($"{node.Kind.ToString().ToLowerInvariant()} literals with computed elements", node.Span);
        }
    }

    private void EmitVector(ImmutableArray<Operand> items)
    {
        asm.mov(edi, 16 + (8 * items.Length));
        asm.call(ctx.Runtime.Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Vector);
        asm.mov(__qword_ptr[rax + ObjectLayout.VectorCount], (int)ValueTags.Fixnum(items.Length));
        for (var i = 0; i < items.Length; i++)
        {
            Load(items[i], rcx);
            asm.mov(__qword_ptr[rax + (ObjectLayout.VectorItems + (8 * i))], rcx);
        }

        asm.inc(rax);
    }

    public bool VisitFn(FnExpr node)
    {
        var function = node.Function;
        var code = ctx.FunctionLabel(function);
        if (function.Captures.IsEmpty)
        {
            // A function that captures nothing is one shared closure object in writable data.
            var closure = ctx.StaticClosure(function, code);
            asm.lea(rax, __[r15 + (closure + ValueTags.PointerTag)]);
            return true;
        }

        var captures = function.Captures.Length;
        asm.mov(edi, ObjectLayout.ClosureCaptures + (8 * captures));
        asm.call(ctx.Runtime.Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Closure | (captures << 8));
        asm.lea(rcx, __[code]);
        asm.mov(__qword_ptr[rax + ObjectLayout.ClosureCode], rcx);
        asm.lea(rcx, __[r14 + (ctx.Data.String(NativeLibrary.GlobalName(function.Name)) + ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[rax + ObjectLayout.ClosureName], rcx);
        for (var i = 0; i < captures; i++)
        {
            var capture = function.Captures[i];
            LoadLocal(capture.SourceAccess, capture.SourceIndex, rcx);
            asm.mov(__qword_ptr[rax + (ObjectLayout.ClosureCaptures + (8 * i))], rcx);
        }

        asm.inc(rax);
        return true;
    }

    public bool VisitDef(DefExpr node)
    {
        var cell = ctx.GlobalCell(node.Var);
        if (node.Init is null)
        {
            asm.mov(rax, ValueTags.Nil);
            return true;
        }

        Load(node.Init, rax);
        asm.mov(__qword_ptr[r15 + cell], rax);
        return true;
    }

    // ---- calls ----

    private void EmitCall(CallExpr call, bool tail = false)
    {
        if (call.Fn is GlobalOperand callee)
        {
            RequireSupported(callee);
        }

        var args = call.Args;
        var primitive = call.Fn is GlobalOperand g ? ctx.PrimitiveFor(g.Var) : null;

        if (primitive?.Inline is { } inline && inline(new InlineSite(this, call)))
        {
            if (tail)
            {
                asm.leave();
                asm.ret();
            }

            return;
        }

        var stackArgs = Math.Max(0, args.Length - ArgumentRegisters.Length);
        var resume = asm.CreateLabel();
        if (tail && stackArgs == 0)
        {
            LoadArguments(args);
            LoadCallee(call, primitive, args.Length, tail: true, resume);
            asm.mov(eax, args.Length);
            asm.leave();
            JumpOrCall(primitive, jump: true);
            return;
        }

        if (tail && stackArgs == incomingStackArgs)
        {
            // The parameters were copied into frame slots on entry, so the incoming stack
            // arguments can be overwritten in place; the caller pops the same number.
            for (var i = ArgumentRegisters.Length; i < args.Length; i++)
            {
                Load(args[i], rax);
                asm.mov(__qword_ptr[rbp + (16 + (8 * (i - ArgumentRegisters.Length)))], rax);
            }

            LoadArguments(args);
            LoadCallee(call, primitive, args.Length, tail: true, resume);
            asm.mov(eax, args.Length);
            asm.leave();
            JumpOrCall(primitive, jump: true);
            return;
        }

        var padding = stackArgs % 2 == 1 ? 8 : 0;
        if (padding != 0)
        {
            asm.sub(rsp, padding);
        }

        for (var i = args.Length - 1; i >= ArgumentRegisters.Length; i--)
        {
            Load(args[i], rax);
            asm.push(rax);
        }

        LoadArguments(args);
        LoadCallee(call, primitive, args.Length, tail: false, resume);
        ClearSingleUseTemps(call);
        asm.mov(eax, args.Length);
        JumpOrCall(primitive, jump: false);
        asm.Bind(ref resume);
        if (stackArgs != 0)
        {
            asm.add(rsp, (8 * stackArgs) + padding);
        }

        if (tail)
        {
            asm.leave();
            asm.ret();
        }
    }

    /// <summary>
    /// Once the call's operands are in registers, the locals read only here no longer need
    /// their slots: clearing them keeps this frame from holding, say, the head of a lazy sequence
    /// the callee walks (see <see cref="SingleUseTemps"/>).
    /// </summary>
    private void ClearSingleUseTemps(CallExpr call)
    {
        foreach (var operand in call.Args.Prepend(call.Fn))
        {
            if (operand is LocalOperand { Access: LocalAccess.Slot } local && singleUseTemps.Contains(local.Binding))
            {
                asm.mov(__qword_ptr[rbp + SlotOffset(local.Index)], (int)ValueTags.Nil);
            }
        }
    }

    /// <summary>Calls a runtime primitive directly with operands as its arguments.</summary>
    private void EmitRuntimeCall(string routine, ImmutableArray<Operand> args, SourceSpan? span)
    {
        var stackArgs = Math.Max(0, args.Length - ArgumentRegisters.Length);
        var padding = stackArgs % 2 == 1 ? 8 : 0;
        if (padding != 0)
        {
            asm.sub(rsp, padding);
        }

        for (var i = args.Length - 1; i >= ArgumentRegisters.Length; i--)
        {
            Load(args[i], rax);
            asm.push(rax);
        }

        LoadArguments(args);
        SetSite(span);
        asm.mov(eax, args.Length);
        asm.call(ctx.Runtime.Label(routine));
        if (stackArgs != 0)
        {
            asm.add(rsp, (8 * stackArgs) + padding);
        }
    }

    private void LoadArguments(ImmutableArray<Operand> args)
    {
        for (var i = 0; i < Math.Min(args.Length, ArgumentRegisters.Length); i++)
        {
            Load(args[i], ArgumentRegisters[i]);
        }
    }

    /// <summary>
    /// Puts the callee's closure in r10 and records the call site. A callee that is not a closure
    /// (a keyword, map or set used as a function, or a mistake) goes to the runtime's invoke-other
    /// with the arguments in place, then continues at <paramref name="resume"/> (or returns, in tail position).
    /// </summary>
    private void LoadCallee(CallExpr call, Primitive? primitive, int argumentCount, bool tail, Label resume)
    {
        SetSite(call.Span);
        if (primitive is not null)
        {
            asm.lea(r10, __[r15 + (ctx.PrimitiveClosure(primitive) + ValueTags.PointerTag)]);
            return;
        }

        Load(call.Fn, r10);
        var notCallable = Stub(() =>
        {
            asm.mov(eax, argumentCount);
            if (tail)
            {
                asm.leave();
                asm.jmp(ctx.Runtime.Label("invoke-other"));
            }
            else
            {
                asm.call(ctx.Runtime.Label("invoke-other"));
                asm.jmp(resume);
            }
        });
        asm.mov(r11d, r10d);
        asm.and(r11d, 7);
        asm.cmp(r11d, ValueTags.PointerTag);
        asm.jne(notCallable);
        asm.cmp(__byte_ptr[r10 - 1], (int)ObjectType.Closure);
        asm.jne(notCallable);
    }

    private void JumpOrCall(Primitive? primitive, bool jump)
    {
        if (primitive is not null)
        {
            var target = ctx.Runtime.Label(primitive.Routine);
            if (jump)
            {
                asm.jmp(target);
            }
            else
            {
                asm.call(target);
            }

            return;
        }

        if (jump)
        {
            asm.jmp(__qword_ptr[r10 + (ObjectLayout.ClosureCode - ValueTags.PointerTag)]);
        }
        else
        {
            asm.call(__qword_ptr[r10 + (ObjectLayout.ClosureCode - ValueTags.PointerTag)]);
        }
    }

    // ---- operands ----

    /// <summary>Loads a trivial operand into <paramref name="target"/>, touching no other register.</summary>
    internal void Load(Operand operand, AssemblerRegister64 target) => operand.Accept(new OperandLoader(this, target));

    /// <summary>Each operand kind; a visitor, so an operand kind added to the lowered IR is a build error here.</summary>
    private sealed class OperandLoader(FunctionCompiler compiler, AssemblerRegister64 target) : IOperandVisitor<bool>
    {
        public bool VisitConst(ConstOperand node)
        {
            compiler.LoadConstant(node.Value, target, node.Span);
            return true;
        }

        public bool VisitLocal(LocalOperand node)
        {
            compiler.LoadLocal(node.Access, node.Index, target);
            return true;
        }

        public bool VisitGlobal(GlobalOperand node)
        {
            compiler.LoadGlobal(node, target);
            return true;
        }
    }

    private void LoadLocal(LocalAccess access, int index, AssemblerRegister64 target)
    {
        switch (access)
        {
            case LocalAccess.Slot:
                asm.mov(target, __qword_ptr[rbp + SlotOffset(index)]);
                break;
            case LocalAccess.Captured:
                asm.mov(target, __qword_ptr[rbp - 8]);
                asm.mov(target, __qword_ptr[target + (ObjectLayout.ClosureCaptures + (8 * index) - ValueTags.PointerTag)]);
                break;
            default:
                asm.mov(target, __qword_ptr[rbp - 8]);
                break;
        }
    }

    private void LoadGlobal(GlobalOperand global, AssemblerRegister64 target)
    {
        if (global.Var.Name == "*command-line-args*" && !ctx.DefinedNames.Contains(global.Var.Name))
        {
            // The host's one global value: the argument list zl_main made at start-up.
            ctx.ArgumentsRead = true;
            asm.mov(target, __qword_ptr[r15 + RuntimeCells.CommandLineArgs]);
            return;
        }

        RequireSupported(global);
        var cell = ctx.GlobalCell(global.Var);
        asm.mov(target, __qword_ptr[r15 + cell]);
        if (ctx.PrimitiveFor(global.Var) is not null)
        {
            return;
        }

        var undefined = Stub(() =>
        {
            SetSite(global.Span);
            asm.lea(rdi, __[r14 + (ctx.Data.String(global.Var.Name) + ValueTags.PointerTag)]);
            asm.jmp(ctx.Runtime.Label("undefined-global"));
        });
        asm.cmp(target, (int)ValueTags.Unbound);
        asm.je(undefined);
    }

    /// <summary>
    /// A global no form of the program defines but the host does (a host primitive) must be one
    /// this runtime implements; otherwise the build fails naming it, rather than the program
    /// failing later with "undefined symbol".
    /// </summary>
    private void RequireSupported(GlobalOperand global)
    {
        if (LowLevelOps.IsLowLevel(global.Var.Name) && !ctx.DefinedNames.Contains(global.Var.Name))
        {
            // Raw memory access only compiles inside the runtime library's typed functions.
            throw new NativeCompileException(
                $"`{global.Var.Name}`",
                global.Span,
                $"`{global.Var.Name}` is a primitive of the native runtime library's low-level typed subset; programs cannot use it (docs/design/native-typed.md)");
        }

        if (!ctx.DefinedNames.Contains(NativeLibrary.GlobalName(global.Var.Name)) && global.Var.IsDefined && ctx.PrimitiveFor(global.Var) is null)
        {
            throw global.Var.Name.StartsWith("%dotnet-", StringComparison.Ordinal)
                ? new NativeCompileException(
                    $"`{global.Var.Name}`",
                    global.Span,
                    $"the native engine does not support .NET interop (`{global.Var.Name}`): it runs on the interp, il and tiered engines")
                : new NativeCompileException($"the host primitive `{global.Var.Name}`", global.Span);
        }
    }

    private void LoadConstant(object? value, AssemblerRegister64 target, SourceSpan? span)
    {
        switch (value)
        {
            case null:
                asm.mov(target, ValueTags.Nil);
                break;
            case bool b:
                asm.mov(target, b ? ValueTags.True : ValueTags.False);
                break;
            case long n when ValueTags.FitsFixnum(n):
                asm.mov(target, ValueTags.Fixnum(n));
                break;
            case string s:
                asm.lea(target, __[r14 + (ctx.Data.String(s) + ValueTags.PointerTag)]);
                break;
            case Keyword k:
                asm.lea(target, __[r14 + (ctx.Data.Keyword(k.ToString()[1..]) + ValueTags.PointerTag)]);
                break;
            case PersistentList { Count: 0 }:
                asm.lea(target, __[r14 + (ctx.Data.EmptyList() + ValueTags.PointerTag)]);
                break;
            case PersistentMap { Count: 0 }:
                asm.lea(target, __[r14 + (ctx.Data.EmptyMap() + ValueTags.PointerTag)]);
                break;
            case PersistentVector or PersistentList or PersistentMap or PersistentSet:
                asm.mov(target, __qword_ptr[r15 + ctx.ConstantCell(value, span)]);
                break;
            case Lang.Runtime.Regex.RegexValue:
                asm.mov(target, __qword_ptr[r15 + ctx.ConstantCell(value, span)]);
                break;
            case Var v:
                asm.lea(target, __[r15 + (ctx.Vars.Offset(v) + ValueTags.PointerTag)]);
                break;
            default:
                ctx.Runtime.FloatsUsed |= value is double;
                asm.lea(target, __[r14 + (ScalarConstant(ctx.Data, value, span) + ValueTags.PointerTag)]);
                break;
        }
    }

    /// <summary>
    /// The read-only object of a float, an integer beyond the fixnum range or a symbol constant,
    /// or the compile-time error naming what this backend cannot represent yet.
    /// </summary>
    internal static int ScalarConstant(DataSection data, object value, SourceSpan? span) => value switch
    {
        double d => data.Float(d),
        long n => data.BoxedInteger(n),
        Symbol symbol => data.Symbol(symbol.ToString()),
        _ => throw new NativeCompileException($"constants of type {value.GetType().Name}", span),
    };

    /// <summary>What an inline primitive needs: the call and a way to load its operands.</summary>
    internal readonly record struct InlineSite(FunctionCompiler Compiler, CallExpr Call)
    {
        public Assembler Asm => Compiler.asm;

        public CodeContext Context => Compiler.ctx;

        public void Load(Operand operand, AssemblerRegister64 target) => Compiler.Load(operand, target);

        public void SetSite() => Compiler.SetSite(Call.Span);

        public Label Stub(Action emit) => Compiler.Stub(emit);
    }
}

/// <summary>Out-of-line code of a function (a slow path), emitted after its body at its label.</summary>
internal sealed record PendingStub(Label Label, Action Emit);
