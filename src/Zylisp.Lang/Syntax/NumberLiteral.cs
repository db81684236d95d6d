using System.Globalization;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// Parses number tokens: int64 in decimal or 0x hex with optional sign, and float64 written with
/// a '.' and/or an exponent (1.5, 1., -2e10, 1e-3). Out-of-range literals are errors, never wraps.
/// </summary>
internal static class NumberLiteral
{
    internal enum Outcome
    {
        Long,
        Double,
        Malformed,
        LongOutOfRange,
        DoubleOutOfRange,
    }

    /// <summary>True if a token starting with these characters is a number rather than a symbol.</summary>
    public static bool StartsNumber(char first, char second) =>
        char.IsAsciiDigit(first) || ((first == '+' || first == '-') && char.IsAsciiDigit(second));

    public static Outcome Parse(ReadOnlySpan<char> token, out long integer, out double real)
    {
        integer = 0;
        real = 0;
        int i = 0;
        bool negative = false;
        if (token.Length > 0 && (token[0] == '+' || token[0] == '-'))
        {
            negative = token[0] == '-';
            i = 1;
        }

        var body = token[i..];
        if (body.Length >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X'))
        {
            return ParseInteger(body[2..], 16, negative, out integer);
        }

        bool allDigits = body.Length > 0;
        foreach (char c in body)
        {
            if (!char.IsAsciiDigit(c))
            {
                allDigits = false;
                break;
            }
        }

        if (allDigits)
        {
            return ParseInteger(body, 10, negative, out integer);
        }

        if (!IsFloatSyntax(body))
        {
            return Outcome.Malformed;
        }

        real = double.Parse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return double.IsInfinity(real) ? Outcome.DoubleOutOfRange : Outcome.Double;
    }

    private static Outcome ParseInteger(ReadOnlySpan<char> digits, int radix, bool negative, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return Outcome.Malformed;
        }

        // Accumulate the magnitude in an unsigned value so -9223372036854775808 is representable.
        ulong limit = negative ? 9223372036854775808UL : long.MaxValue;
        ulong magnitude = 0;
        bool overflow = false;
        foreach (char c in digits)
        {
            int digit = radix == 16 ? HexValue(c) : c - '0';
            if (digit < 0 || digit >= radix)
            {
                return Outcome.Malformed;
            }

            if (!overflow)
            {
                if (magnitude > (limit - (ulong)digit) / (ulong)radix)
                {
                    overflow = true; // keep scanning: a malformed digit later still means "malformed"
                }
                else
                {
                    magnitude = (magnitude * (ulong)radix) + (ulong)digit;
                }
            }
        }

        if (overflow)
        {
            return Outcome.LongOutOfRange;
        }

        value = negative ? unchecked((long)(0UL - magnitude)) : (long)magnitude;
        return Outcome.Long;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // digits ('.' digits*)? ([eE] [+-]? digits+)?, with a '.' or an exponent present.
    private static bool IsFloatSyntax(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        bool marked = false;
        if (i < s.Length && s[i] == '.')
        {
            marked = true;
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            marked = true;
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            int exponentStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        return marked && i == s.Length;
    }
}
