using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Arithmetic, comparison and logic primitives. See <see cref="Numbers"/> for the numeric rules.</summary>
internal static class CoreArithmetic
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("+", 0, -1, "([] [x] [x y] [x y & more])", "Sum of the numbers; (+) is 0. Integers wrap on overflow.", (_, a) => Fold(a, 0L, static (x, y) => Numbers.Add(x, y), "+"), op: PrimitiveOp.Add, body2: (_, x, y) => Numbers.Add(x, y)),
        Fn("*", 0, -1, "([] [x] [x y] [x y & more])", "Product of the numbers; (*) is 1. Integers wrap on overflow.", (_, a) => Fold(a, 1L, Numbers.Multiply, "*"), op: PrimitiveOp.Multiply, body2: (_, x, y) => Numbers.Multiply(x, y)),
        Fn("-", 1, -1, "([x] [x y & more])", "Subtracts the rest from the first number; (- x) negates x.", (_, a) => a.Length == 1 ? Numbers.Negate(a[0]) : FoldFrom(a, static (x, y) => Numbers.Subtract(x, y)), op: PrimitiveOp.Subtract, body2: (_, x, y) => Numbers.Subtract(x, y)),
        Fn("/", 1, -1, "([x] [x y & more])", "Divides the first number by the rest. Integer division truncates; integer division by zero is an error.", (_, a) => a.Length == 1 ? Numbers.Divide(1L, a[0]) : FoldFrom(a, (x, y) => Numbers.Divide(x, y))),
        Fn("quot", 2, 2, "([n d])", "Quotient of integer division, truncated toward zero.", (_, a) => Numbers.Quot(a[0], a[1])),
        Fn("rem", 2, 2, "([n d])", "Remainder of integer division; has the sign of n.", (_, a) => Numbers.Rem(a[0], a[1])),
        Fn("mod", 2, 2, "([n d])", "Modulus; has the sign of d.", (_, a) => Numbers.Mod(a[0], a[1])),
        Fn("inc", 1, 1, "([x])", "x plus one.", (_, a) => Numbers.Add(a[0], 1L, "inc"), op: PrimitiveOp.Inc, body1: (_, x) => Numbers.Add(x, 1L, "inc")),
        Fn("dec", 1, 1, "([x])", "x minus one.", (_, a) => Numbers.Subtract(a[0], 1L, "dec"), op: PrimitiveOp.Dec, body1: (_, x) => Numbers.Subtract(x, 1L, "dec")),
        Fn("abs", 1, 1, "([x])", "Absolute value.", (_, a) => Numbers.Abs(a[0])),
        Fn("max", 1, -1, "([x & more])", "The greatest of the numbers.", (_, a) => a.Aggregate((x, y) => Numbers.Less(x, y, "max") ? y : x)),
        Fn("min", 1, -1, "([x & more])", "The least of the numbers.", (_, a) => a.Aggregate((x, y) => Numbers.Less(y, x, "min") ? y : x)),
        Fn("<", 1, -1, "([x & more])", "True when the numbers are strictly increasing.", (_, a) => Chain(a, (x, y) => Numbers.Less(x, y, "<")), op: PrimitiveOp.Less, body2: (_, x, y) => Box.Bool(Numbers.Less(x, y, "<"))),
        Fn(">", 1, -1, "([x & more])", "True when the numbers are strictly decreasing.", (_, a) => Chain(a, (x, y) => Numbers.Less(y, x, ">")), op: PrimitiveOp.Greater, body2: (_, x, y) => Box.Bool(Numbers.Less(y, x, ">"))),
        Fn("<=", 1, -1, "([x & more])", "True when the numbers are non-decreasing.", (_, a) => Chain(a, (x, y) => Numbers.LessOrEqual(x, y, "<=")), op: PrimitiveOp.LessOrEqual, body2: (_, x, y) => Box.Bool(Numbers.LessOrEqual(x, y, "<="))),
        Fn(">=", 1, -1, "([x & more])", "True when the numbers are non-increasing.", (_, a) => Chain(a, (x, y) => Numbers.LessOrEqual(y, x, ">=")), op: PrimitiveOp.GreaterOrEqual, body2: (_, x, y) => Box.Bool(Numbers.LessOrEqual(y, x, ">="))),
        Fn("==", 1, -1, "([x & more])", "Numeric equality across types: (== 1 1.0) is true.", (_, a) => Chain(a, Numbers.NumEquals), op: PrimitiveOp.NumEquals, body2: (_, x, y) => Box.Bool(Numbers.NumEquals(x, y))),
        Fn("=", 1, -1, "([x & more])", "Structural equality: equal collections are =, (= 1 1.0) is false.", (_, a) => Chain(a, ValueEquality.AreEqual), op: PrimitiveOp.Equals, body2: (_, x, y) => Box.Bool(ValueEquality.AreEqual(x, y))),
        Fn("not", 1, 1, "([x])", "True when x is falsy (nil or false).", (_, a) => Box.Bool(!Truth.Clojure(a[0]))),
        Fn("%slisp-not", 1, 1, "([x])", "not under SLisp truthiness (0, \"\" and empty collections are falsy).", (_, a) => Box.Bool(!Truth.Slisp(a[0]))),
        Fn("compare", 2, 2, "([x y])", "-1, 0 or 1 as x sorts before, with or after y (numbers, strings, keywords, symbols, vectors).", (_, a) => (long)Compare(a[0], a[1])),
        Fn("double", 1, 1, "([x])", "x as a float.", (_, a) => Numbers.ToDouble(a[0], "double")),
        Fn("long", 1, 1, "([x])", "x as an integer, truncating floats.", (_, a) => ToLong(a[0], "long")),
        Fn("int", 1, 1, "([x])", "x as an integer, truncating floats.", (_, a) => ToLong(a[0], "int")),
    ];

    /// <summary>The default ordering used by compare and sort.</summary>
    public static int Compare(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        return (x, y) switch
        {
            (long a, long b) => a.CompareTo(b),
            (long or double, long or double) => Numbers.ToDouble(x, "compare").CompareTo(Numbers.ToDouble(y, "compare")),
            (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
            (Keyword a, Keyword b) => Math.Sign(string.CompareOrdinal(a.FullName, b.FullName)),
            (Symbol a, Symbol b) => Math.Sign(string.CompareOrdinal(a.FullName, b.FullName)),
            (bool a, bool b) => a.CompareTo(b),
            (PersistentVector a, PersistentVector b) => CompareSequences(a, b),
            (PersistentList a, PersistentList b) => CompareSequences(a, b),
            _ => throw RuntimeErrors.WrongType("compare", "two values of the same comparable type", y),
        };
    }

    private static int CompareSequences(IReadOnlyCollection<object?> a, IReadOnlyCollection<object?> b)
    {
        if (a.Count != b.Count)
        {
            return a.Count < b.Count ? -1 : 1;
        }

        foreach (var (x, y) in a.Zip(b))
        {
            int c = Compare(x, y);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static object ToLong(object? x, string fn) => x switch
    {
        long l => Box.Long(l),
        double d when double.IsFinite(d) => Box.Long((long)d),
        _ => throw RuntimeErrors.WrongType(fn, "a finite number", x),
    };

    private static object? Fold(object?[] args, object seed, Func<object?, object?, object> op, string fn)
    {
        if (args.Length == 1)
        {
            return Numbers.IsNumber(args[0]) ? args[0] : throw RuntimeErrors.WrongType(fn, "a number", args[0]);
        }

        object? acc = args.Length == 0 ? seed : args[0];
        for (int i = args.Length == 0 ? 0 : 1; i < args.Length; i++)
        {
            acc = op(acc, args[i]);
        }

        return acc;
    }

    private static object? FoldFrom(object?[] args, Func<object?, object?, object> op)
    {
        object? acc = args[0];
        for (int i = 1; i < args.Length; i++)
        {
            acc = op(acc, args[i]);
        }

        return acc;
    }

    private static object Chain(object?[] args, Func<object?, object?, bool> holds)
    {
        if (args.Length == 1)
        {
            return Box.True;
        }

        for (int i = 0; i + 1 < args.Length; i++)
        {
            if (!holds(args[i], args[i + 1]))
            {
                return Box.False;
            }
        }

        return Box.True;
    }
}
