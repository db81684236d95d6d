using Iced.Intel;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>The core primitives of <see cref="TypedOps"/> on raw operands.</summary>
internal sealed partial class TypedBodyCompiler
{
    private static bool IsComparison(CallExpr call) =>
        call.Fn is GlobalOperand g && g.Var.Name is "<" or ">" or "<=" or ">=" or "==" or "=";

    private void EmitPrimitive(string primitive, CallExpr call)
    {
        var resultKind = typed.KindOf(call);
        var args = call.Args;
        switch (primitive)
        {
            case "+" or "-" or "*" or "/" when resultKind == RawKind.Double:
                EmitDoubleFold(primitive, call);
                break;
            case "-" when args.Length == 1:
                Load(args[0], rax);
                asm.neg(rax);
                break;
            case "+" or "*" when args.Length == 1:
                Load(args[0], rax);
                break;
            case "+" or "-" or "*":
                EmitLongFold(primitive, call);
                break;
            case "/" or "quot" or "rem" or "mod":
                EmitIntegerDivision(primitive, call);
                break;
            case "inc" or "dec" when resultKind == RawKind.Double:
                LoadDouble(args[0], xmm0, rax);
                asm.mov(rcx, BitConverter.DoubleToInt64Bits(1.0));
                asm.movq(xmm1, rcx);
                if (primitive == "inc")
                {
                    asm.addsd(xmm0, xmm1);
                }
                else
                {
                    asm.subsd(xmm0, xmm1);
                }

                asm.movq(rax, xmm0);
                break;
            case "inc":
                Load(args[0], rax);
                asm.add(rax, 1);
                break;
            case "dec":
                Load(args[0], rax);
                asm.sub(rax, 1);
                break;
            case "not":
                Load(args[0], rax);
                asm.xor(eax, 1);
                break;
            default:
                EmitComparison(call).SetValue(asm);
                break;
        }

        raxHolds = null;
    }

    private void EmitLongFold(string primitive, CallExpr call)
    {
        var args = call.Args;
        if (args.Length == 2 && primitive != "-" && FitsImmediate(args[0], out _) && !FitsImmediate(args[1], out _))
        {
            // + and * commute: the constant goes second, where it can be an immediate.
            args = [args[1], args[0]];
        }

        if (args.Length == 2 && FitsImmediate(args[1], out var immediate))
        {
            Load(args[0], rax);
            switch (primitive)
            {
                case "+":
                    asm.add(rax, immediate);
                    break;
                case "-":
                    asm.sub(rax, immediate);
                    break;
                default:
                    asm.imul(rax, rax, immediate);
                    break;
            }

            return;
        }

        if (args.Length == 2 && TryRegisterHome(args[1], out var second) && !IsRaxHeld(args[1]))
        {
            Load(args[0], rax);
            EmitIntegerOperation(primitive, second);
            return;
        }

        // The second operand first, so either may come from rax.
        Load(args[1], rcx);
        Load(args[0], rax);
        for (var i = 1; i < args.Length; i++)
        {
            if (i > 1)
            {
                raxHolds = null;
                Load(args[i], rcx);
            }

            EmitIntegerOperation(primitive, rcx);
        }
    }

    /// <summary>rax = rax (+, - or *) <paramref name="operand"/>.</summary>
    private void EmitIntegerOperation(string primitive, AssemblerRegister64 operand)
    {
        switch (primitive)
        {
            case "+":
                asm.add(rax, operand);
                break;
            case "-":
                asm.sub(rax, operand);
                break;
            default:
                asm.imul(rax, operand);
                break;
        }
    }

    private void EmitDoubleFold(string primitive, CallExpr call)
    {
        var args = call.Args;
        LoadDouble(args[0], xmm0, rax);
        if (args.Length == 1 && primitive == "-")
        {
            asm.movq(rax, xmm0);
            asm.btc(rax, 63);
            return;
        }

        for (var i = 1; i < args.Length; i++)
        {
            raxHolds = null;
            LoadDouble(args[i], xmm1, rcx);
            switch (primitive)
            {
                case "+":
                    asm.addsd(xmm0, xmm1);
                    break;
                case "-":
                    asm.subsd(xmm0, xmm1);
                    break;
                case "*":
                    asm.mulsd(xmm0, xmm1);
                    break;
                default:
                    asm.divsd(xmm0, xmm1);
                    break;
            }
        }

        asm.movq(rax, xmm0);
    }

    /// <summary>
    /// quot (and integer /), rem and mod with the interpreter's rules: division by zero is the
    /// arithmetic error, dividing by -1 wraps (idiv would trap on the least int64), mod takes the
    /// divisor's sign.
    /// </summary>
    private void EmitIntegerDivision(string primitive, CallExpr call)
    {
        if (FitsImmediate(call.Args[1], out var divisor) && divisor is not (0 or -1))
        {
            // A constant divisor other than 0 and -1 can neither fail nor trap.
            Load(call.Args[0], rax);
            asm.mov(rcx, (long)divisor);

            asm.cqo();
            asm.idiv(rcx);
            EmitRemainderSign(primitive, doneLabel: null);
            raxHolds = null;
            return;
        }

        var divideByZero = Stub(() =>
        {
            SetSite(call.Span);
            asm.jmp(ctx.Runtime.Label("divide-by-zero"));
        });
        var minusOne = asm.CreateLabel();
        var done = asm.CreateLabel();
        Load(call.Args[1], rcx);
        Load(call.Args[0], rax);
        asm.test(rcx, rcx);
        asm.jz(divideByZero);
        asm.cmp(rcx, -1);
        asm.je(minusOne);
        asm.cqo();
        asm.idiv(rcx);
        EmitRemainderSign(primitive, done);
        asm.jmp(done);
        asm.Bind(ref minusOne);
        if (primitive is "rem" or "mod")
        {
            asm.xor(eax, eax);
        }
        else
        {
            asm.neg(rax);
        }

        BindHere(ref done);
    }

    /// <summary>After idiv (rax quotient, rdx remainder, rcx divisor): rem and mod take the remainder; mod takes the divisor's sign.</summary>
    private void EmitRemainderSign(string primitive, Label? doneLabel)
    {
        if (primitive is "rem" or "mod")
        {
            asm.mov(rax, rdx);
        }

        if (primitive == "mod")
        {
            // A non-zero remainder whose sign differs from the divisor's moves by the divisor.
            var done = doneLabel ?? asm.CreateLabel();
            asm.test(rax, rax);
            asm.jz(done);
            asm.xor(rdx, rcx);
            asm.jns(done);
            asm.add(rax, rcx);
            if (doneLabel is null)
            {
                asm.Bind(ref done);
            }
        }
    }

    /// <summary>Compares the call's two operands; the result says which flags mean true.</summary>
    private Condition EmitComparison(CallExpr call)
    {
        var primitive = ((GlobalOperand)call.Fn).Var.Name;
        var a = call.Args[0];
        var b = call.Args[1];
        if (typed.KindOf(a) == RawKind.Double || typed.KindOf(b) == RawKind.Double)
        {
            LoadDouble(a, xmm0, rax);
            LoadDouble(b, xmm1, rcx);
            raxHolds = null;
            switch (primitive)
            {
                // ucomisd sets CF, ZF and PF on an unordered (NaN) pair, so "above" and
                // "above or equal" are false for NaN, as every IEEE comparison must be.
                case "<":
                    asm.ucomisd(xmm1, xmm0);
                    return Condition.Above;
                case "<=":
                    asm.ucomisd(xmm1, xmm0);
                    return Condition.AboveOrEqual;
                case ">":
                    asm.ucomisd(xmm0, xmm1);
                    return Condition.Above;
                case ">=":
                    asm.ucomisd(xmm0, xmm1);
                    return Condition.AboveOrEqual;
                default:
                    asm.ucomisd(xmm0, xmm1);
                    return Condition.OrderedEqual;
            }
        }

        if (TryRegisterHome(a, out var left) && !IsRaxHeld(a))
        {
            // A local in a register is compared where it is; rax keeps what it held.
            if (FitsImmediate(b, out var constant))
            {
                asm.cmp(left, constant);
            }
            else if (TryRegisterHome(b, out var right) && !IsRaxHeld(b))
            {
                asm.cmp(left, right);
            }
            else
            {
                Load(b, rcx);
                asm.cmp(left, rcx);
            }

            return ConditionOf(primitive);
        }

        if (FitsImmediate(b, out var immediate))
        {
            Load(a, rax);
            asm.cmp(rax, immediate);
        }
        else if (TryRegisterHome(b, out var right) && !IsRaxHeld(b))
        {
            Load(a, rax);
            asm.cmp(rax, right);
        }
        else
        {
            Load(b, rcx);
            Load(a, rax);
            asm.cmp(rax, rcx);
        }

        // The compare left rax as loaded: both branches of a fused if may read a from it.
        if (a is LocalOperand { Access: not LocalAccess.Self } first && !typed.IsFixed(first.Binding))
        {
            raxHolds = first.Binding;
        }

        return ConditionOf(primitive);
    }

    private static Condition ConditionOf(string primitive) => primitive switch
    {
        "<" => Condition.Less,
        "<=" => Condition.LessOrEqual,
        ">" => Condition.Greater,
        ">=" => Condition.GreaterOrEqual,
        _ => Condition.Equal,
    };
}

/// <summary>What the flags of a typed comparison mean: the condition for true.</summary>
internal enum Condition
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    Above,
    AboveOrEqual,

    /// <summary>ZF set and PF clear: equal and neither operand NaN.</summary>
    OrderedEqual,
}

internal static class ConditionExtensions
{
    public static void JumpIfFalse(this Condition condition, Assembler asm, Label otherwise)
    {
        switch (condition)
        {
            case Condition.Less:
                asm.jge(otherwise);
                break;
            case Condition.LessOrEqual:
                asm.jg(otherwise);
                break;
            case Condition.Greater:
                asm.jle(otherwise);
                break;
            case Condition.GreaterOrEqual:
                asm.jl(otherwise);
                break;
            case Condition.Equal:
                asm.jne(otherwise);
                break;
            case Condition.Above:
                asm.jbe(otherwise);
                break;
            case Condition.AboveOrEqual:
                asm.jb(otherwise);
                break;
            default:
                asm.jp(otherwise);
                asm.jne(otherwise);
                break;
        }
    }

    /// <summary>rax = 1 when the condition holds, else 0.</summary>
    public static void SetValue(this Condition condition, Assembler asm)
    {
        switch (condition)
        {
            case Condition.Less:
                asm.setl(al);
                break;
            case Condition.LessOrEqual:
                asm.setle(al);
                break;
            case Condition.Greater:
                asm.setg(al);
                break;
            case Condition.GreaterOrEqual:
                asm.setge(al);
                break;
            case Condition.Equal:
                asm.sete(al);
                break;
            case Condition.Above:
                asm.seta(al);
                break;
            case Condition.AboveOrEqual:
                asm.setae(al);
                break;
            default:
                asm.sete(al);
                asm.setnp(cl);
                asm.and(al, cl);
                break;
        }

        asm.movzx(eax, al);
    }
}
