namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The core primitives a typed body computes inline on raw values, with the interpreter's rules
/// (src/Zylisp.Lang/Runtime/Numbers.cs): int64 arithmetic wraps, an integer mixed with a float is
/// converted to a float, integer `/` truncates, and an integer division by zero is the arithmetic
/// error. Anything not listed here (or on other kinds) keeps the function boxed.
/// </summary>
internal static class TypedOps
{
    /// <summary>The result kind of the primitive on operands of these kinds, or null when it is not computed raw.</summary>
    public static RawKind? ResultKind(string primitive, RawKind[] operands)
    {
        var numeric = operands.Length > 0 && AllNumeric(operands);
        var number = AnyDouble(operands) ? RawKind.Double : RawKind.Long;
        return primitive switch
        {
            "+" or "-" or "*" when numeric => number,
            "/" when numeric && operands.Length == 2 => number,
            "quot" or "rem" or "mod" when operands is [RawKind.Long, RawKind.Long] => RawKind.Long,
            "inc" or "dec" when numeric && operands.Length == 1 => number,
            "<" or ">" or "<=" or ">=" or "==" when numeric && operands.Length == 2 => RawKind.Bool,
            "=" when operands is [RawKind.Long, RawKind.Long] or [RawKind.Bool, RawKind.Bool] => RawKind.Bool,
            "not" when operands is [RawKind.Bool] => RawKind.Bool,
            _ => null,
        };
    }

    // Loops, not LINQ over RawKind: LINQ over a value type is JIT-compiled in every build (not ReadyToRun).
    private static bool AllNumeric(RawKind[] operands)
    {
        foreach (var kind in operands)
        {
            if (kind is not (RawKind.Long or RawKind.Double))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyDouble(RawKind[] operands)
    {
        foreach (var kind in operands)
        {
            if (kind == RawKind.Double)
            {
                return true;
            }
        }

        return false;
    }
}
