using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Bit operations on 64-bit integers, as Clojure's: a float, string or nil argument is a type
/// error rather than being truncated, and a shift count is taken mod 64 as the JVM takes it.
/// <c>bit-test bit-set bit-clear bit-flip bit-and-not</c> are prelude code over these.
/// </summary>
internal static class CoreBits
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fold("bit-and", "Bitwise and of the integers.", (x, y) => x & y),
        Fold("bit-or", "Bitwise or of the integers.", (x, y) => x | y),
        Fold("bit-xor", "Bitwise exclusive or of the integers.", (x, y) => x ^ y),
        Fn("bit-not", 1, 1, "([x])", "The bitwise complement of x.", (_, a) => Box.Long(~Numbers.ToLong(a[0], "bit-not"))),
        Shift("bit-shift-left", "x shifted left by n bits (n taken mod 64).", (x, n) => x << n),
        Shift("bit-shift-right", "x shifted right by n bits, copying the sign bit (n taken mod 64).", (x, n) => x >> n),
        Shift("unsigned-bit-shift-right", "x shifted right by n bits, filling with zeros (n taken mod 64).", (x, n) => x >>> n),
    ];

    /// <summary>A left fold over two or more integers, as Clojure's variadic bit-and.</summary>
    private static Builtin Fold(string name, string doc, Func<long, long, long> op) =>
        Fn(name, 2, -1, "([x y & more])", doc, (_, a) =>
        {
            var result = Numbers.ToLong(a[0], name);
            for (var i = 1; i < a.Length; i++)
            {
                result = op(result, Numbers.ToLong(a[i], name));
            }

            return Box.Long(result);
        });

    // C#'s long shifts use the count's low six bits, which is the JVM's mod-64 rule.
    private static Builtin Shift(string name, string doc, Func<long, int, long> op) =>
        Fn(name, 2, 2, "([x n])", doc, (_, a) =>
        {
            var x = Numbers.ToLong(a[0], name);
            var n = Numbers.ToLong(a[1], name);
            return Box.Long(op(x, (int)(n & 63)));
        });
}
