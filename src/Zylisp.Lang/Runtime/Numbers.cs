using System.Runtime.CompilerServices;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// Numeric semantics of the core: int64 arithmetic wraps (two's complement, unchecked); a long
/// mixed with a double gives a double; integer <c>/</c> truncates and dividing an integer by
/// zero is an error; doubles follow IEEE 754 (so 1.0/0 is ##Inf).
/// </summary>
internal static class Numbers
{
    // fn names the core function the user called in a type error: (inc "a") blames inc, not +.
    public static object Add(object? a, object? b, string fn = "+") =>
        a is long x && b is long y ? Box.Long(unchecked(x + y)) : AddSlow(a, b, fn);

    public static object Subtract(object? a, object? b, string fn = "-") =>
        a is long x && b is long y ? Box.Long(unchecked(x - y)) : SubtractSlow(a, b, fn);

    public static object Multiply(object? a, object? b) =>
        a is long x && b is long y ? Box.Long(unchecked(x * y)) : MultiplySlow(a, b, "*");

    public static object Divide(object? a, object? b, string fn = "/")
    {
        if (a is long x && b is long y)
        {
            return Box.Long(Quotient(x, y));
        }

        return ToDouble(a, fn) / ToDouble(b, fn);
    }

    public static long Quotient(long x, long y)
    {
        if (y == 0)
        {
            throw RuntimeErrors.DivideByZero();
        }

        // long.MinValue / -1 overflows in hardware; wrapping gives long.MinValue.
        return y == -1 ? unchecked(-x) : x / y;
    }

    public static long Remainder(long x, long y)
    {
        if (y == 0)
        {
            throw RuntimeErrors.DivideByZero();
        }

        return y == -1 ? 0 : x % y;
    }

    /// <summary>Modulus with the sign of the divisor (Clojure's <c>mod</c>).</summary>
    public static object Mod(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            long r = Remainder(x, y);
            return Box.Long(r != 0 && (r < 0) != (y < 0) ? r + y : r);
        }

        double dx = ToDouble(a, "mod"), dy = ToDouble(b, "mod");
        double m = dx % dy;
        return m != 0 && (m < 0) != (dy < 0) ? m + dy : m;
    }

    public static object Rem(object? a, object? b) =>
        a is long x && b is long y ? Box.Long(Remainder(x, y)) : ToDouble(a, "rem") % ToDouble(b, "rem");

    public static object Quot(object? a, object? b) =>
        a is long x && b is long y ? Box.Long(Quotient(x, y)) : Math.Truncate(ToDouble(a, "quot") / ToDouble(b, "quot"));

    public static object Negate(object? a) => a switch
    {
        long x => Box.Long(unchecked(-x)),
        double d => -d,
        _ => throw RuntimeErrors.WrongType("-", "a number", a),
    };

    public static object Abs(object? a) => a switch
    {
        long x => Box.Long(x < 0 ? unchecked(-x) : x),
        double d => Math.Abs(d),
        _ => throw RuntimeErrors.WrongType("abs", "a number", a),
    };

    /// <summary>Numeric comparison across integer and float: -1, 0 or 1 (NaN compares as unordered: false everywhere).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(object? a, object? b, string fn = "<") =>
        a is long x && b is long y ? x < y : ToDouble(a, fn) < ToDouble(b, fn);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessOrEqual(object? a, object? b, string fn = "<=") =>
        a is long x && b is long y ? x <= y : ToDouble(a, fn) <= ToDouble(b, fn);

    /// <summary><c>==</c>: numbers equal by value across types, so <c>(== 1 1.0)</c> is true.</summary>
    public static bool NumEquals(object? a, object? b) =>
        a is long x && b is long y ? x == y : ToDouble(a, "==") == ToDouble(b, "==");

    public static bool IsNumber(object? a) => a is long or double;

    public static double ToDouble(object? a, string fn) => a switch
    {
        long x => x,
        double d => d,
        _ => throw RuntimeErrors.WrongType(fn, "a number", a),
    };

    public static long ToLong(object? a, string fn) => a switch
    {
        long x => x,
        _ => throw RuntimeErrors.WrongType(fn, "an integer", a),
    };

    private static object AddSlow(object? a, object? b, string fn) => ToDouble(a, fn) + ToDouble(b, fn);

    private static object SubtractSlow(object? a, object? b, string fn) => ToDouble(a, fn) - ToDouble(b, fn);

    private static object MultiplySlow(object? a, object? b, string fn) => ToDouble(a, fn) * ToDouble(b, fn);
}
