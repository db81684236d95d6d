using System.Globalization;
using System.Text;

namespace Zylisp.Lang.Printing;

/// <summary>
/// The one float-printing rule every Zylisp runtime reproduces (docs/design/float-printing.md):
/// take the shortest digits that round-trip, d1.d2…dn × 10^x; if -6 ≤ x &lt; 21 (JavaScript's range) write them
/// positionally with at least one digit after the '.', otherwise write d1[.d2…dn]e±x.
/// NaN and infinities print as ##NaN, ##Inf and ##-Inf.
/// </summary>
public static class FloatFormatter
{
    public static string Format(double value)
    {
        var sb = new StringBuilder(24);
        Append(sb, value);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, double value)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (double.IsNaN(value))
        {
            sb.Append("##NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            sb.Append(value > 0 ? "##Inf" : "##-Inf");
            return;
        }

        if (double.IsNegative(value))
        {
            sb.Append('-');
            value = -value;
        }

        if (value == 0)
        {
            sb.Append("0.0");
            return;
        }

        // .NET's "R" is the shortest string that round-trips; only its digits and exponent are used,
        // never its choice of layout, so the output does not depend on .NET's formatting rules.
        var (digits, exponent) = ShortestDigits(value);
        int n = digits.Length;
        if (exponent >= -6 && exponent < 21)
        {
            if (exponent < 0)
            {
                sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
            else if (exponent >= n - 1)
            {
                sb.Append(digits).Append('0', exponent - n + 1).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, n - exponent - 1);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (n > 1)
            {
                sb.Append('.').Append(digits, 1, n - 1);
            }

            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The significant digits (no leading/trailing zeros) and the exponent x of d1.d2… × 10^x.</summary>
    internal static (string Digits, int Exponent) ShortestDigits(double positive)
    {
        string r = positive.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? r : r[..e];
        int exponentPart = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string all = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        int pointPosition = point < 0 ? mantissa.Length : point;
        int leadingZeros = 0;
        while (leadingZeros < all.Length && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        string digits = all[leadingZeros..].TrimEnd('0');
        return (digits, pointPosition - leadingZeros - 1 + exponentPart);
    }
}
