using System.Numerics;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The float printer's table (Schubfach, Giulietti 2020): for each decimal exponent k in
/// [<see cref="MinK"/>, <see cref="MaxK"/>], 10^-k = β·2^r with 2^125 ≤ β &lt; 2^126, and
/// g = ⌊β⌋ + 1 stored as its high and low 63 bits. Computed exactly with BigInteger when a
/// program uses floats, and placed in read-only data; nothing is copied from elsewhere.
/// </summary>
internal static class FloatPowers
{
    public const int MinK = -324;
    public const int MaxK = 292;

    /// <summary>Two words per k, ascending from <see cref="MinK"/>: g's top 63 bits, then its low 63 bits.</summary>
    public static IEnumerable<long> Words()
    {
        for (var k = MinK; k <= MaxK; k++)
        {
            var e = -k;
            var numerator = e >= 0 ? BigInteger.Pow(10, e) : BigInteger.One;
            var denominator = e >= 0 ? BigInteger.One : BigInteger.Pow(10, -e);
            var log2 = FloorLog2(numerator, denominator);
            var r = log2 - 125;
            var beta = r >= 0 ? numerator / (denominator << (int)r) : (numerator << (int)-r) / denominator;
            var g = beta + 1;
            yield return (long)(g >> 63);
            yield return (long)(g & long.MaxValue);
        }
    }

    /// <summary>⌊log2(n/d)⌋ for positive n and d.</summary>
    private static long FloorLog2(BigInteger n, BigInteger d)
    {
        var guess = (long)n.GetBitLength() - (long)d.GetBitLength();
        while (true)
        {
            var (a, b) = guess >= 0 ? (n, d << (int)guess) : (n << (int)-guess, d);
            if (a < b)
            {
                guess--;
            }
            else if (a >= 2 * b)
            {
                guess++;
            }
            else
            {
                return guess;
            }
        }
    }
}
