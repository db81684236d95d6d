using System.Collections.Immutable;
using Iced.Intel;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Small typed library functions compiled into their typed library callers (docs/design/native-typed.md,
/// "Code shape"): no call, no frame of their own, their parameters assigned straight from the call's
/// operands into their homes. A call whose value is used gets a copy of the callee's body whose
/// returns jump past it; tail calls of one callee from one body share a single copy, placed after
/// that body, whose returns are the body's own.
/// </summary>
internal sealed partial class TypedBodyCompiler
{
    /// <summary>True when a call of <paramref name="callee"/> from this body is compiled inline.</summary>
    private bool IsInlined(LFunction callee) => inlinesInto && ctx.Typed.IsInlinable(callee);

    /// <summary>
    /// The calls this body makes inline, in order: the callee, whether the call is in tail
    /// position, and the locals live across it: those some statement that may run after the call
    /// reads (the rest of its block and of the blocks around it, up to a block that ends in a
    /// jump; the whole body of a loop around it; the whole function when it recurs to its own
    /// start). The call's own target is written when it returns, so it is not live across it.
    /// An over-approximation (a local assigned again before that read counts too), which only
    /// ever keeps a register from being shared.
    /// </summary>
    private List<InlineSite> InlineSites(ImmutableArray<LStmt> statements)
    {
        var found = new List<InlineSite>();
        var restarts = RestartsItself(statements, inLoop: false);
        // `after`: what runs when the block falls through; `loops`: the bodies of the loops around
        // it (a recur anywhere inside runs them again, so they count even past a jump).
        var whole = restarts ? ImmutableList.Create(new BlockRest(statements, 0)) : ImmutableList<BlockRest>.Empty;
        void Walk(ImmutableArray<LStmt> block, ImmutableList<BlockRest> after, ImmutableList<BlockRest> loops)
        {
            for (var i = 0; i < block.Length; i++)
            {
                var statement = block[i];
                var rest = after.Insert(0, new BlockRest(block, i + 1));
                if (LoweredChildren.Expression(statement) is CallExpr { Fn: GlobalOperand global }
                    && ctx.Typed.GlobalFunction(NativeLibrary.GlobalName(global.Var.Name)) is { } callee && IsInlined(callee))
                {
                    var live = new HashSet<LocalBinding>(ReferenceEqualityComparer.Instance);
                    foreach (var part in rest.AddRange(loops))
                    {
                        for (var j = part.Start; j < part.Block.Length; j++)
                        {
                            NoteReads(part.Block[j], live);
                        }
                    }

                    if (statement is AssignStmt assign)
                    {
                        live.Remove(assign.Target);
                    }

                    found.Add(new InlineSite(global.Var.Name, ctx.Typed.For(callee)!, statement is TailCallStmt or ReturnStmt, live));
                }

                foreach (var inner in LoweredChildren.Blocks(statement))
                {
                    Walk(inner, EndsInJump(inner) ? ImmutableList<BlockRest>.Empty : rest,
                        statement is LoopStmt ? loops.Add(new BlockRest(inner, 0)) : loops);
                }
            }
        }

        Walk(statements, ImmutableList<BlockRest>.Empty, whole);
        return found;
    }

    /// <summary>True when the body starts again from its own top: a recur outside every loop, or a call of itself.</summary>
    private static bool RestartsItself(ImmutableArray<LStmt> statements, bool inLoop)
    {
        foreach (var statement in statements)
        {
            if ((statement is RecurStmt && !inLoop)
                || LoweredChildren.Expression(statement) is CallExpr { Fn: LocalOperand { Access: LocalAccess.Self } })
            {
                return true;
            }

            foreach (var inner in LoweredChildren.Blocks(statement))
            {
                if (RestartsItself(inner, inLoop || statement is LoopStmt))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds the locals a statement and its nested blocks read.</summary>
    private static void NoteReads(LStmt statement, HashSet<LocalBinding> into)
    {
        foreach (var operand in LoweredChildren.Operands(statement))
        {
            if (operand is LocalOperand { Access: LocalAccess.Slot } local)
            {
                into.Add(local.Binding);
            }
        }

        foreach (var inner in LoweredChildren.Blocks(statement))
        {
            foreach (var nested in inner)
            {
                NoteReads(nested, into);
            }
        }
    }

    /// <summary>A call whose value is used: the callee's body here, its result in rax after it.</summary>
    private void EmitInlinedCall(CallExpr call, GlobalOperand global, LFunction callee)
    {
        var end = new LabelCell(asm.CreateLabel());
        var body = new TypedBodyCompiler(this, global.Var.Name, ctx.Typed.For(callee)!, end);
        CheckDefined(call, global);
        AssignParameters(body, call.Args);
        body.EmitInlinedBody();
        var label = end.Label;
        BindHere(ref label);
    }

    /// <summary>A tail call: the parameters assigned, then a jump to the one copy of the callee this body has.</summary>
    private void EmitInlinedTailCall(CallExpr call, GlobalOperand global, LFunction callee)
    {
        var calleeArity = ctx.Typed.For(callee)!;
        CheckDefined(call, global);
        AssignParameters(new TypedBodyCompiler(this, global.Var.Name, calleeArity, returnTo), call.Args);
        if (!tailCopies.TryGetValue(calleeArity.Arity, out var copy))
        {
            copy = new LabelCell(asm.CreateLabel());
            tailCopies[calleeArity.Arity] = copy;
            pendingCopies.Add(new PendingCopy(global.Var.Name, calleeArity, copy));
        }

        asm.jmp(copy.Label);
        raxHolds = null;
    }

    /// <summary>
    /// The callee's parameters from the call's operands, all at once, rax (which may hold an
    /// operand) left alone. A parameter's register may be an operand's (the callee reuses the
    /// registers of locals not read after the call), so a move waits until no other move still
    /// reads its target; a cycle of them goes through rcx.
    /// </summary>
    private void AssignParameters(TypedBodyCompiler body, ImmutableArray<Operand> args)
    {
        var parameters = body.typed.Arity.Params;
        var pending = new List<int>();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (body.TryRegisterHome(parameters[i], out _))
            {
                pending.Add(i);
            }
            else
            {
                // A slot of the callee's is never an operand's home: these can go first.
                Load(args[i], rcx);
                asm.mov(body.Slot(parameters[i].Slot), rcx);
            }
        }

        // The register each pending move reads, as an index in LeafRegisters (Parked: rcx, where a
        // cycle was broken; None: no register, or rax). Ints, not nullable Iced structs, whose
        // generic code is not precompiled.
        const int None = -1;
        const int Parked = -2;
        var sources = new int[parameters.Length];
        foreach (var i in pending)
        {
            sources[i] = args[i] is LocalOperand { Access: LocalAccess.Slot } local && !IsRaxHeld(args[i])
                && !typed.IsFixed(local.Binding) && registerHomes.TryGetValue(local.Binding, out var source) ? source : None;
        }

        while (pending.Count > 0)
        {
            var ready = -1;
            foreach (var i in pending)
            {
                var target = registerHomes[parameters[i]];
                var blocked = false;
                foreach (var other in pending)
                {
                    blocked |= other != i && sources[other] == target;
                }

                if (!blocked)
                {
                    ready = i;
                    break;
                }
            }

            if (ready < 0)
            {
                // Every pending move's target is read by another: park one source in rcx.
                var parked = sources[pending[0]];
                asm.mov(rcx, LeafRegisters[parked]);
                foreach (var i in pending)
                {
                    if (sources[i] == parked)
                    {
                        sources[i] = Parked;
                    }
                }

                continue;
            }

            var home = LeafRegisters[registerHomes[parameters[ready]]];
            if (sources[ready] == Parked)
            {
                asm.mov(home, rcx);
            }
            else
            {
                Load(args[ready], home);
            }

            pending.Remove(ready);
        }
    }

    /// <summary>An inlined body, once its parameters are in their homes; a recur to its start assigns them again.</summary>
    private void EmitInlinedBody()
    {
        bodyStart = asm.CreateLabel();
        BindHere(ref bodyStart);
        EmitBody(bodyStart);
    }

    /// <summary>The copies of the functions this body tail-calls inline (each may add its own after it).</summary>
    private void EmitTailCopies()
    {
        for (var i = 0; i < pendingCopies.Count; i++)
        {
            var copy = pendingCopies[i];
            var label = copy.Label.Label;
            BindHere(ref label);
            var body = new TypedBodyCompiler(this, copy.Name, copy.Callee, returnTo) { bodyStart = label };
            body.EmitBody(label);
        }
    }

    /// <summary>What every inlined body shares with the body it is compiled into.</summary>
    private sealed class SharedFrame
    {
        public Dictionary<LocalBinding, int> RegisterHomes { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>Each inlined function's first frame slot.</summary>
        public Dictionary<LArity, int> SlotBases { get; } = new(ReferenceEqualityComparer.Instance);

        public List<TypedStub> Stubs { get; } = [];

        /// <summary>False for a leaf whose locals all live in registers: no rbp frame at all.</summary>
        public bool HasFrame { get; set; } = true;

        public int FrameBytes { get; set; }
    }

    private sealed record PendingCopy(string Name, TypedArity Callee, LabelCell Label);

    /// <summary>The statements of a block from one index on.</summary>
    private sealed record BlockRest(ImmutableArray<LStmt> Block, int Start);

    private sealed record InlineSite(string Name, TypedArity Callee, bool Tail, HashSet<LocalBinding> LiveAcross);
}
