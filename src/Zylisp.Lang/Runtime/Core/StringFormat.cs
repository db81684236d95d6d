using System.Globalization;
using System.Text;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// <c>format</c>: Java's <c>%[flags][width][.precision]conversion</c> directives, the subset
/// docs/language.md lists (what Clojure programs write: <c>%-10s</c>, <c>%5d</c>, <c>%05.2f</c>,
/// <c>%,d</c>, <c>%08x</c>). Widths count code points. A directive that does not make sense (a
/// flag its conversion ignores, a precision on an integer) is an argument error rather than a
/// silently different string. The Go runtime (rt/core_str.go) and the native library
/// (Library/30-strings.zl) implement the same rules.
/// </summary>
internal static class StringFormat
{
    private const string Flags = "-0+ ,";

    /// <summary>The largest precision .NET's "F" format takes (beyond it, a FormatException).</summary>
    private const int MaxFixedPrecision = 999_999_999;

    public static string Format(string format, object?[] args)
    {
        var sb = new StringBuilder();
        int next = 0;
        object? Next() => next < args.Length ? args[next++] : throw Bad("not enough arguments for the format");
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }

            int j = i + 1;
            var flags = "";
            while (j < format.Length && Flags.Contains(format[j], StringComparison.Ordinal))
            {
                if (flags.Contains(format[j], StringComparison.Ordinal))
                {
                    throw Bad($"the flag {format[j]} is repeated in {format[i..(j + 1)]}");
                }

                flags += format[j++];
            }

            int width = Digits(format, ref j);
            int? precision = null;
            if (j < format.Length && format[j] == '.')
            {
                j++;
                int start = j;
                precision = Digits(format, ref j);
                if (j == start)
                {
                    throw Bad("a precision needs digits after the point");
                }
            }

            if (j >= format.Length)
            {
                throw Bad("incomplete format directive at the end");
            }

            var directive = new Directive(format[i..(j + 1)], flags, width, precision, format[j]);
            sb.Append(directive.Conversion switch
            {
                's' or 'S' => Text(directive, Printer.Str(Next())),
                'd' => Integer(directive, Numbers.ToLong(Next(), "format")),
                'x' or 'X' or 'o' => Unsigned(directive, Numbers.ToLong(Next(), "format")),
                'f' => Fixed(directive, Numbers.ToDouble(Next(), "format")),
                'n' => Bare(directive, "\n"),
                '%' => Bare(directive, "%"),
                _ => throw Bad("unknown format directive %" + format[j]),
            });
            i = j;
        }

        return sb.ToString();
    }

    private sealed record Directive(string Spelling, string Flags, int Width, int? Precision, char Conversion)
    {
        public bool Has(char flag) => Flags.Contains(flag, StringComparison.Ordinal);
    }

    private static int Digits(string format, ref int j)
    {
        int value = 0;
        for (; j < format.Length && char.IsAsciiDigit(format[j]); j++)
        {
            value = value > 100_000_000 ? throw Bad("a width or precision is too large") : (value * 10) + (format[j] - '0');
        }

        return value;
    }

    private static string Text(Directive d, string text)
    {
        Allow(d, "-");
        if (d.Precision is { } most && ZylispStrings.CodePointCount(text) > most)
        {
            text = ZylispStrings.Substring(text, 0, most);
        }

        return Pad(d, "", d.Conversion == 'S' ? text.ToUpperInvariant() : text);
    }

    private static string Integer(Directive d, long value)
    {
        Allow(d, "-0+ ,");
        NoPrecision(d);
        var digits = value.ToString(CultureInfo.InvariantCulture);
        return Signed(d, digits);
    }

    private static string Unsigned(Directive d, long value)
    {
        Allow(d, "-0");
        NoPrecision(d);
        var digits = d.Conversion == 'o'
            ? Convert.ToString(value, 8)
            : ((ulong)value).ToString(d.Conversion == 'X' ? "X" : "x", CultureInfo.InvariantCulture);
        return Pad(d, "", digits);
    }

    private static string Fixed(Directive d, double value)
    {
        Allow(d, "-0+ ,");
        if (d.Precision > MaxFixedPrecision)
        {
            throw Bad("a width or precision is too large");
        }

        var text = value.ToString("F" + (d.Precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? Signed(d, text) : Pad(d with { Flags = d.Flags.Replace("0", "", StringComparison.Ordinal) }, "", text);
    }

    private static string Bare(Directive d, string text)
    {
        if (d.Flags.Length > 0 || d.Width > 0 || d.Precision is not null)
        {
            throw Bad($"{d.Spelling} takes no flags, width or precision");
        }

        return text;
    }

    /// <summary>A number's sign by the flags, its digits grouped with <c>,</c>, padded.</summary>
    private static string Signed(Directive d, string text)
    {
        bool negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        if (d.Has(','))
        {
            int point = digits.IndexOf('.', StringComparison.Ordinal) is var p and >= 0 ? p : digits.Length;
            var grouped = new StringBuilder();
            for (int k = 0; k < point; k++)
            {
                if (k > 0 && (point - k) % 3 == 0)
                {
                    grouped.Append(',');
                }

                grouped.Append(digits[k]);
            }

            digits = grouped.Append(digits, point, digits.Length - point).ToString();
        }

        var sign = negative ? "-" : d.Has('+') ? "+" : d.Has(' ') ? " " : "";
        return Pad(d, sign, digits);
    }

    private static string Pad(Directive d, string sign, string body)
    {
        int missing = d.Width - sign.Length - ZylispStrings.CodePointCount(body);
        if (missing <= 0)
        {
            return sign + body;
        }

        return d.Has('-') ? sign + body + new string(' ', missing)
            : d.Has('0') ? sign + new string('0', missing) + body
            : new string(' ', missing) + sign + body;
    }

    /// <summary>Rejects the flags <paramref name="allowed"/> leaves out, and combinations Java rejects too.</summary>
    private static void Allow(Directive d, string allowed)
    {
        foreach (var flag in d.Flags)
        {
            if (!allowed.Contains(flag, StringComparison.Ordinal))
            {
                throw Bad($"the flag {flag} does not apply to %{d.Conversion} in {d.Spelling}");
            }
        }

        if ((d.Has('-') || d.Has('0')) && d.Width == 0)
        {
            throw Bad($"the flag {(d.Has('-') ? '-' : '0')} needs a width in {d.Spelling}");
        }

        if ((d.Has('-') && d.Has('0')) || (d.Has('+') && d.Has(' ')))
        {
            throw Bad($"the flags of {d.Spelling} cannot be used together");
        }
    }

    private static void NoPrecision(Directive d)
    {
        if (d.Precision is not null)
        {
            throw Bad($"a precision does not apply to %{d.Conversion} in {d.Spelling}");
        }
    }

    private static ZylispException Bad(string problem) => RuntimeErrors.BadArgument("format", problem);
}
