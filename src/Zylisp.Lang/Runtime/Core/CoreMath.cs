using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Floating-point mathematics, as Clojure's clojure.math (and Java's Math) name it. Arguments may
/// be integers or floats; results are floats, except <c>round</c>, which gives an integer.
/// Namespaced calls resolve by name, so <c>(Math/sqrt 2)</c> and <c>(clojure.math/sqrt 2)</c> work too.
/// </summary>
internal static class CoreMath
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Unary("sqrt", "The square root of x (##NaN for negative x).", Math.Sqrt),
        Fn("pow", 2, 2, "([x y])", "x raised to the power y, as a float.", (_, a) => Math.Pow(Numbers.ToDouble(a[0], "pow"), Numbers.ToDouble(a[1], "pow"))),
        Unary("exp", "e raised to the power x.", Math.Exp),
        Unary("log", "The natural logarithm of x.", Math.Log),
        Unary("log10", "The base-10 logarithm of x.", Math.Log10),
        Unary("floor", "The largest whole number not above x, as a float.", Math.Floor),
        Unary("ceil", "The smallest whole number not below x, as a float.", Math.Ceiling),
        Fn("round", 1, 1, "([x])", "x rounded to the nearest integer, halves upward (as Java's Math/round).", (_, a) =>
        {
            var x = Numbers.ToDouble(a[0], "round");
            return double.IsFinite(x) && Math.Abs(x) < 9.2e18
                ? Box.Long((long)Math.Floor(x + 0.5))
                : throw RuntimeErrors.BadArgument("round", "the value does not fit an integer");
        }),
        Unary("sin", "The sine of x (radians).", Math.Sin),
        Unary("cos", "The cosine of x (radians).", Math.Cos),
        Unary("tan", "The tangent of x (radians).", Math.Tan),
        Unary("asin", "The arc sine of x, in radians.", Math.Asin),
        Unary("acos", "The arc cosine of x, in radians.", Math.Acos),
        Unary("atan", "The arc tangent of x, in radians.", Math.Atan),
        Fn("atan2", 2, 2, "([y x])", "The angle of the point (x, y), in radians.", (_, a) => Math.Atan2(Numbers.ToDouble(a[0], "atan2"), Numbers.ToDouble(a[1], "atan2"))),
        Fn("hypot", 2, 2, "([x y])", "sqrt(x² + y²) without overflow in between.", (_, a) => double.Hypot(Numbers.ToDouble(a[0], "hypot"), Numbers.ToDouble(a[1], "hypot"))),
    ];

    private static Builtin Unary(string name, string doc, Func<double, double> f) =>
        Fn(name, 1, 1, "([x])", doc, (_, a) => f(Numbers.ToDouble(a[0], name)));
}
