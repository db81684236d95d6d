using System.Reflection.Emit;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// The IL of a numeric primitive on the two (or one) unboxed operands on the stack, shared by the
/// boxed emitter's long fast path and the typed emitter. Integer arithmetic wraps, as everywhere in
/// Zylisp; on doubles, an unordered (NaN) comparison is false, as in the primitive.
/// </summary>
internal static class PrimitiveOpcodes
{
    public static void Emit(ILGenerator il, PrimitiveOp op, bool isDouble)
    {
        switch (op)
        {
            case PrimitiveOp.Inc:
                il.Emit(OpCodes.Ldc_I8, 1L);
                il.Emit(OpCodes.Add);
                break;
            case PrimitiveOp.Dec:
                il.Emit(OpCodes.Ldc_I8, 1L);
                il.Emit(OpCodes.Sub);
                break;
            case PrimitiveOp.Add:
                il.Emit(OpCodes.Add);
                break;
            case PrimitiveOp.Subtract:
                il.Emit(OpCodes.Sub);
                break;
            case PrimitiveOp.Multiply:
                il.Emit(OpCodes.Mul);
                break;
            case PrimitiveOp.Less:
                il.Emit(OpCodes.Clt);
                break;
            case PrimitiveOp.Greater:
                il.Emit(OpCodes.Cgt);
                break;
            case PrimitiveOp.LessOrEqual:
                il.Emit(isDouble ? OpCodes.Cgt_Un : OpCodes.Cgt);
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Ceq);
                break;
            case PrimitiveOp.GreaterOrEqual:
                il.Emit(isDouble ? OpCodes.Clt_Un : OpCodes.Clt);
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Ceq);
                break;
            default:
                il.Emit(OpCodes.Ceq);
                break;
        }
    }
}
