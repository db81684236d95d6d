using System.Collections.Immutable;
using System.Reflection.Emit;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>Calls: ordinary, tail, and the core numeric primitives inlined as the interpreter inlines them.</summary>
internal sealed partial class MethodEmitter
{
    private void EmitInvoke(InvokeNode call)
    {
        if (TryInlinePrimitive(call, asTest: false))
        {
            return;
        }

        int parent = EnterSite(call.Caller, call.Span);
        bool spill = ContainsTry(call.Fn) || call.Args.Any(ContainsTry);
        LocalBuilder? fnValue = null;
        LocalBuilder?[] args = new LocalBuilder?[call.Args.Length];
        if (spill)
        {
            fnValue = SpillOne(call.Fn);
            args = Spill(call.Args);
        }

        il.Emit(OpCodes.Ldarg, CtxArg);
        Load(call.Fn, fnValue);
        if (call.Context == NodeContext.Tail)
        {
            EmitArray(call.Args, args);
            il.Emit(OpCodes.Call, Members.TailCall);
        }
        else if (call.Args.Length <= 3)
        {
            for (int i = 0; i < call.Args.Length; i++)
            {
                Load(call.Args[i], args[i]);
            }

            il.Emit(OpCodes.Call, call.Args.Length switch
            {
                0 => Members.Call0,
                1 => Members.Call1,
                2 => Members.Call2,
                _ => Members.Call3,
            });
        }
        else
        {
            EmitArray(call.Args, args);
            il.Emit(OpCodes.Call, Members.CallN);
        }

        LeaveSite(parent);
    }

    /// <summary>
    /// A call of a core numeric primitive through its global, decided exactly as the interpreter
    /// decides (the global holds the primitive when the form is compiled): two longs are combined
    /// inline while the global still holds it; anything else calls whatever the global holds,
    /// as a call site. Operands are evaluated outside the call site, as in the interpreter.
    /// </summary>
    private bool TryInlinePrimitive(InvokeNode call, bool asTest)
    {
        // Quick-tier code calls the primitive like any function: the same result (the inline path
        // is only a faster way to it), half the IL, and the JIT's time follows the IL's size.
        if (!sink.Optimizes)
        {
            return false;
        }

        if (call.Fn is not GlobalRefNode { Var.Value: Builtin { Op: not PrimitiveOp.None } prim } g)
        {
            return false;
        }

        var kind = Classify(prim.Op, call.Args.Length);
        if (kind == PrimitiveKind.None || (asTest && kind is not PrimitiveKind.Compare))
        {
            return false;
        }

        var operands = new LocalBuilder[call.Args.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            operands[i] = call.Args[i] is LocalRefNode { Access: LocalAccess.Slot } slot ? Slot(slot.Index) : SpillOne(call.Args[i]);
        }

        var slow = il.DefineLabel();
        var end = il.DefineLabel();
        foreach (var operand in operands)
        {
            il.Emit(OpCodes.Ldloc, operand);
            il.Emit(OpCodes.Isinst, typeof(long));
            il.Emit(OpCodes.Brfalse, slow);
        }

        LoadConst(g.Var);
        il.Emit(OpCodes.Callvirt, Members.VarValue);
        LoadConst(prim);
        il.Emit(OpCodes.Bne_Un, slow);
        foreach (var operand in operands)
        {
            il.Emit(OpCodes.Ldloc, operand);
            il.Emit(OpCodes.Unbox_Any, typeof(long));
        }

        PrimitiveOpcodes.Emit(il, prim.Op, isDouble: false);
        if (!asTest)
        {
            if (kind == PrimitiveKind.Compare)
            {
                BoxBool();
            }
            else
            {
                il.Emit(OpCodes.Call, Members.BoxLong);
            }
        }

        il.Emit(OpCodes.Br, end);

        il.MarkLabel(slow);
        int parent = EnterSite(call.Caller, call.Span);
        il.Emit(OpCodes.Ldarg, CtxArg);
        LoadConst(g.Var);
        il.Emit(OpCodes.Callvirt, Members.VarValue);
        foreach (var operand in operands)
        {
            il.Emit(OpCodes.Ldloc, operand);
        }

        il.Emit(OpCodes.Call, operands.Length == 1 ? Members.Call1 : Members.Call2);
        LeaveSite(parent);
        if (asTest)
        {
            il.Emit(OpCodes.Call, Members.IsTruthy);
        }

        il.MarkLabel(end);
        return true;
    }

    private enum PrimitiveKind
    {
        None,
        Arithmetic,
        Compare,
    }

    private static PrimitiveKind Classify(PrimitiveOp op, int argCount) => (op, argCount) switch
    {
        (PrimitiveOp.Inc or PrimitiveOp.Dec, 1) => PrimitiveKind.Arithmetic,
        (PrimitiveOp.Add or PrimitiveOp.Subtract or PrimitiveOp.Multiply, 2) => PrimitiveKind.Arithmetic,
        (PrimitiveOp.Less or PrimitiveOp.Greater or PrimitiveOp.LessOrEqual or PrimitiveOp.GreaterOrEqual or PrimitiveOp.NumEquals or PrimitiveOp.Equals, 2) => PrimitiveKind.Compare,
        _ => PrimitiveKind.None,
    };

    private void BoxBool()
    {
        var isFalse = il.DefineLabel();
        var done = il.DefineLabel();
        il.Emit(OpCodes.Brfalse, isFalse);
        il.Emit(OpCodes.Ldsfld, Members.BoxTrue);
        il.Emit(OpCodes.Br, done);
        il.MarkLabel(isFalse);
        il.Emit(OpCodes.Ldsfld, Members.BoxFalse);
        il.MarkLabel(done);
    }

    /// <summary>
    /// IL cannot enter a try with values on the stack, so when any of these nodes contains a
    /// <c>try</c> (outside nested fns), all of them are evaluated into locals first, in order
    /// (the StackSpiller idea of System.Linq.Expressions). Otherwise nothing is spilled.
    /// </summary>
    private LocalBuilder?[] Spill(ImmutableArray<Node> nodes)
    {
        var spilled = new LocalBuilder?[nodes.Length];
        if (nodes.Any(ContainsTry))
        {
            for (int i = 0; i < nodes.Length; i++)
            {
                spilled[i] = SpillOne(nodes[i]);
            }
        }

        return spilled;
    }

    private LocalBuilder SpillOne(Node node)
    {
        EmitValue(node);
        var local = il.DeclareLocal(typeof(object));
        il.Emit(OpCodes.Stloc, local);
        return local;
    }

    private void Load(Node node, LocalBuilder? spilled)
    {
        if (spilled is null)
        {
            EmitValue(node);
        }
        else
        {
            il.Emit(OpCodes.Ldloc, spilled);
        }
    }

    private void EmitArray(ImmutableArray<Node> nodes, LocalBuilder?[] spilled)
    {
        if (nodes.IsEmpty)
        {
            il.Emit(OpCodes.Call, Members.EmptyArray);
            return;
        }

        il.Emit(OpCodes.Ldc_I4, nodes.Length);
        il.Emit(OpCodes.Newarr, typeof(object));
        for (int i = 0; i < nodes.Length; i++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, i);
            Load(nodes[i], spilled[i]);
            il.Emit(OpCodes.Stelem_Ref);
        }
    }

    private bool ContainsTry(Node node)
    {
        if (containsTry.TryGetValue(node, out bool known))
        {
            return known;
        }

        bool result = node is TryNode || IrChildren.Of(node).Any(ContainsTry);
        containsTry[node] = result;
        return result;
    }
}
