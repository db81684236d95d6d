using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>The low-level subset's constants and primitives (docs/design/native-typed.md).</summary>
internal sealed partial class TypedBodyCompiler
{
    /// <summary>nil, a string, a keyword or the empty list as a tagged word (the low-level subset's Value kind).</summary>
    private void LoadValueConstant(ConstOperand constant, AssemblerRegister64 target)
    {
        switch (constant.Value)
        {
            case null:
                asm.mov(target, ValueTags.Nil);
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
            default:
                throw new InvalidOperationException($"constant {constant.Value} in a typed body");
        }
    }

    private void EmitLowLevel(string primitive, CallExpr call)
    {
        var args = call.Args;
        switch (primitive)
        {
            case "%load-word":
                asm.mov(rax, __qword_ptr[Address(args[0], args[1], baseMayBeRax: true)]);
                break;
            case "%load-byte":
                asm.movzx(eax, __byte_ptr[Address(args[0], args[1], baseMayBeRax: true)]);
                break;
            case "%store-word!":
            {
                var target = Address(args[0], args[1]);
                Load(args[2], rax);
                asm.mov(__qword_ptr[target], rax);
                break;
            }

            case "%store-byte!":
            {
                var target = Address(args[0], args[1]);
                Load(args[2], rax);
                asm.mov(__byte_ptr[target], al);
                break;
            }

            case "%copy-bytes!":
                Load(args[0], rdi);
                Load(args[1], rsi);
                Load(args[2], rcx);
                asm.rep.movsb();
                asm.xor(eax, eax);
                break;
            case "%alloc":
                // alloc keeps every register but rax; the untagged address keeps the block alive
                // wherever it is held (the collector's lookup takes interior pointers).
                Load(args[0], rdi);
                asm.call(ctx.Runtime.Label("alloc"));
                break;
            case "%word" or "%as-value":
                Load(args[0], rax);
                break;
            case "%layout":
                asm.mov(rax, LowLevelOps.LayoutOf(call));
                break;
            case "%cell":
                asm.lea(rax, __[r15 + LowLevelOps.CellOf(call, ctx.Runtime.Heap, ctx.RoutineBodies)]);
                break;
            case "%routine":
                // An assembly routine keeps no value of ours in a register: every local is in its slot.
                for (var i = 1; i < args.Length; i++)
                {
                    Load(args[i], ArgumentRegisters[i - 1]);
                }

                asm.call(ctx.Runtime.Label(LowLevelOps.RoutineOf(call)));
                break;
            case "%syscall":
                for (var i = 1; i < args.Length; i++)
                {
                    Load(args[i], ArgumentRegisters[i - 1] == rcx ? r10 : ArgumentRegisters[i - 1]);
                }

                Load(args[0], rax);
                asm.syscall();
                break;
            case "%highest-bit":
                // The index of the highest set bit; the operand is never 0 (bsr leaves rax undefined then).
                Load(args[0], rax);
                asm.bsr(rax, rax);
                break;
            case "%bit-and" or "%bit-or" or "%bit-xor" or "%shift-left" or "%shift-right" or "%unsigned-shift-right"
                when FitsImmediate(args[1], out var immediate):
                Load(args[0], rax);
                EmitBitOperation(primitive, immediate);
                break;
            case "%bit-and" or "%bit-or" or "%bit-xor" when TryRegisterHome(args[1], out var home) && !IsRaxHeld(args[1]):
                Load(args[0], rax);
                EmitBitOperation(primitive, home);
                break;
            default:
                Load(args[1], rcx);
                Load(args[0], rax);
                EmitBitOperation(primitive, rcx);
                break;
        }

        raxHolds = null;
    }

    /// <summary>rax = rax (op) <paramref name="operand"/>; a shift counts by cl, so its operand must be rcx.</summary>
    private void EmitBitOperation(string primitive, AssemblerRegister64 operand)
    {
        switch (primitive)
        {
            case "%bit-and":
                asm.and(rax, operand);
                break;
            case "%bit-or":
                asm.or(rax, operand);
                break;
            case "%bit-xor":
                asm.xor(rax, operand);
                break;
            case "%shift-left":
                asm.shl(rax, cl);
                break;
            case "%shift-right":
                asm.sar(rax, cl);
                break;
            default:
                asm.shr(rax, cl);
                break;
        }
    }

    /// <summary>rax = rax (op) a constant: an immediate operand, rcx untouched.</summary>
    private void EmitBitOperation(string primitive, int immediate)
    {
        switch (primitive)
        {
            case "%bit-and":
                asm.and(rax, immediate);
                break;
            case "%bit-or":
                asm.or(rax, immediate);
                break;
            case "%bit-xor":
                asm.xor(rax, immediate);
                break;
            case "%shift-left":
                asm.shl(rax, (byte)(immediate & 63));
                break;
            case "%shift-right":
                asm.sar(rax, (byte)(immediate & 63));
                break;
            default:
                asm.shr(rax, (byte)(immediate & 63));
                break;
        }
    }

    /// <summary>
    /// A `%store-word!` whose value is not used, of a constant that fits 32 bits or of the local rax
    /// holds: stored without touching rax, so a loop's cursor stays in it (the allocator's zeroing).
    /// </summary>
    private bool IsDiscardedStore(CallExpr store) =>
        store.Args.Length == 3
        && LowLevelOps.ResultKind("%store-word!", OperandKinds(store)) is not null
        && (FitsImmediate(store.Args[2], out _) || IsRaxHeld(store.Args[2]) || TryRegisterHome(store.Args[2], out _));

    private void EmitDiscardedStore(CallExpr store)
    {
        var target = Address(store.Args[0], store.Args[1]);
        if (FitsImmediate(store.Args[2], out var immediate))
        {
            asm.mov(__qword_ptr[target], immediate);
        }
        else if (IsRaxHeld(store.Args[2]))
        {
            asm.mov(__qword_ptr[target], rax);
        }
        else
        {
            TryRegisterHome(store.Args[2], out var home);
            asm.mov(__qword_ptr[target], home);
        }
    }

    /// <summary>True when the operand is the local rax holds right now.</summary>
    private bool IsRaxHeld(Operand operand) =>
        operand is LocalOperand local && raxHolds is not null && ReferenceEquals(local.Binding, raxHolds);

    /// <summary>
    /// The memory operand base + offset, its registers loaded (rcx, and rdx for a computed offset),
    /// rax untouched: a Value base is an object, so its pointer tag comes off the displacement.
    /// </summary>
    /// <remarks>
    /// A local in a register is used as it is; so is rax for a load's base when rax holds it
    /// (<paramref name="baseMayBeRax"/>: the load writes rax only after reading memory).
    /// </remarks>
    private AssemblerMemoryOperand Address(Operand baseOperand, Operand offset, bool baseMayBeRax = false)
    {
        var displacement = typed.KindOf(baseOperand) == RawKind.Value ? -ValueTags.PointerTag : 0;
        if (baseOperand is LocalOperand { Access: LocalAccess.Slot } cellLocal && typed.TryCell(cellLocal.Binding, out var cell)
            && FitsImmediate(offset, out var fieldOffset))
        {
            // A cell's address is r15 plus its offset: the field is one displacement from r15.
            return r15 + (LowLevelOps.CellOf(cell, ctx.Runtime.Heap, ctx.RoutineBodies) + fieldOffset);
        }

        AssemblerRegister64 BaseRegister()
        {
            if (baseMayBeRax && IsRaxHeld(baseOperand))
            {
                return rax;
            }

            if (TryRegisterHome(baseOperand, out var home))
            {
                return home;
            }

            Load(baseOperand, rcx);
            return rcx;
        }

        if (FitsImmediate(offset, out var immediate))
        {
            return BaseRegister() + (immediate + displacement);
        }

        AssemblerRegister64 index;
        if (TryRegisterHome(offset, out var offsetHome))
        {
            index = offsetHome;
        }
        else
        {
            Load(offset, rdx);
            index = rdx;
        }

        return BaseRegister() + index + displacement;
    }
}
