using System.Globalization;
using System.Text;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Printing;

/// <summary>
/// Renders values as text. <see cref="PrStr"/> is readable (the reader reads it back to an equal
/// value); <see cref="PrintStr"/> is for display (strings unquoted at any depth);
/// <see cref="Str"/> is Clojure's <c>str</c> of one value (a string as is, nil as "", anything
/// else readably). Maps and sets print in insertion order.
/// The printer keeps its own stack instead of recursing, so any depth prints on any thread. As
/// Clojure's <c>*print-level*</c> and <c>*print-length*</c>, a collection nested deeper than
/// <see cref="RuntimeLimits.MaxPrintDepth"/> prints as <c>#</c> and one longer than
/// <see cref="RuntimeLimits.MaxPrintLength"/> ends in <c>...</c>; an atom that (through its
/// value) contains itself prints the inner occurrence as <c>#&lt;cycle&gt;</c>.
/// </summary>
public static class Printer
{
    private static readonly RuntimeLimits DefaultLimits = new();

    /// <summary>Readable form: <c>"a\nb"</c>, <c>{:a 1, :b 2}</c>, <c>#{1 2}</c>, <c>1.0</c>.</summary>
    public static string PrStr(object? value) => PrStr(value, DefaultLimits);

    /// <summary>Readable form, cut off at <paramref name="limits"/>' print depth and length.</summary>
    public static string PrStr(object? value, RuntimeLimits limits)
    {
        var sb = new StringBuilder();
        Print(sb, value, readably: true, limits);
        return sb.ToString();
    }

    /// <summary>Display form, as <c>print</c>/<c>println</c> show it: <c>["a" nil]</c> prints as <c>[a nil]</c>.</summary>
    public static string PrintStr(object? value) => PrintStr(value, DefaultLimits);

    /// <summary>Display form, cut off at <paramref name="limits"/>' print depth and length.</summary>
    public static string PrintStr(object? value, RuntimeLimits limits)
    {
        var sb = new StringBuilder();
        Print(sb, value, readably: false, limits);
        return sb.ToString();
    }

    /// <summary>Clojure's <c>str</c> of one value: strings as they are, nil as "", others readably.</summary>
    public static string Str(object? value) => Str(value, DefaultLimits);

    /// <summary>Clojure's <c>str</c> of one value, cut off at <paramref name="limits"/>' print depth and length.</summary>
    public static string Str(object? value, RuntimeLimits limits) => value switch
    {
        null => string.Empty,
        string s => s,
        // A .NET object from interop: its own ToString, as Clojure's str of a Java object (a StringBuilder's text).
        _ when value.GetType().Assembly != typeof(Printer).Assembly && value is not (long or double or bool or IFormattable) => value.ToString() ?? string.Empty,
        _ => PrStr(value, limits),
    };

    /// <summary>
    /// SLisp's <c>str</c> of one value: sorted maps and sets without commas, keys and set elements
    /// readable, values and elements displayed; e.g. <c>{"b" x :a 1}</c>. See <see cref="SlispPrinter"/>.
    /// </summary>
    public static string SlispStr(object? value) => SlispPrinter.Str(value, DefaultLimits);

    /// <summary>SLisp's <c>str</c> of one value, cut off at <paramref name="limits"/>' print depth and length.</summary>
    public static string SlispStr(object? value, RuntimeLimits limits) => SlispPrinter.Str(value, limits);

    public static void Print(StringBuilder sb, object? value, bool readably) => Print(sb, value, readably, DefaultLimits);

    public static void Print(StringBuilder sb, object? value, bool readably, RuntimeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(limits);
        new ValuePrinter(sb, readably, limits).Print(value);
    }

    /// <summary>Scalars and printables: everything that holds no other value.</summary>
    internal static void PrintAtom(StringBuilder sb, object? value, bool readably)
    {
        switch (value)
        {
            case null:
                sb.Append("nil");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                FloatFormatter.Append(sb, d);
                break;
            case string s:
                if (readably)
                {
                    AppendQuoted(sb, s);
                }
                else
                {
                    sb.Append(s);
                }

                break;
            case Keyword k:
                sb.Append(':').Append(k.FullName);
                break;
            case Symbol sym:
                sb.Append(sym.FullName);
                break;
            case IZylispPrintable printable:
                printable.Print(sb, readably);
                break;
            case IFormattable formattable:
                sb.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append("#<").Append(value.GetType().Name).Append('>');
                break;
        }
    }

    /// <summary>Appends <paramref name="s"/> in double quotes with the escapes the reader understands.</summary>
    public static void AppendQuoted(StringBuilder sb, string s)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(s);
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (c < 0x20 || c == 0x7f || char.IsSurrogate(c))
                    {
                        // Control characters and lone surrogates would not survive a trip through a file.
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
