using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Printing;

/// <summary>
/// Renders values as text. <see cref="PrStr"/> is readable (the reader reads it back to an equal
/// value); <see cref="PrintStr"/> is for display (strings unquoted at any depth);
/// <see cref="Str"/> is Clojure's <c>str</c> of one value (a string as is, nil as "", anything
/// else readably). Maps and sets print in insertion order.
/// Deeply nested values throw <see cref="InsufficientExecutionStackException"/> instead of crashing.
/// </summary>
public static class Printer
{
    /// <summary>Readable form: <c>"a\nb"</c>, <c>{:a 1, :b 2}</c>, <c>#{1 2}</c>, <c>1.0</c>.</summary>
    public static string PrStr(object? value)
    {
        var sb = new StringBuilder();
        Print(sb, value, readably: true);
        return sb.ToString();
    }

    /// <summary>Display form, as <c>print</c>/<c>println</c> show it: <c>["a" nil]</c> prints as <c>[a nil]</c>.</summary>
    public static string PrintStr(object? value)
    {
        var sb = new StringBuilder();
        Print(sb, value, readably: false);
        return sb.ToString();
    }

    /// <summary>Clojure's <c>str</c> of one value: strings as they are, nil as "", others readably.</summary>
    public static string Str(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        _ => PrStr(value),
    };

    /// <summary>
    /// SLisp's <c>str</c> of one value: sorted maps and sets without commas, keys and set elements
    /// readable, values and elements displayed; e.g. <c>{"b" x :a 1}</c>. See <see cref="SlispPrinter"/>.
    /// </summary>
    public static string SlispStr(object? value) => SlispPrinter.Str(value);

    public static void Print(StringBuilder sb, object? value, bool readably)
    {
        ArgumentNullException.ThrowIfNull(sb);
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
            case PersistentList list:
                PrintSequence(sb, list, '(', ')', readably, Print);
                break;
            case PersistentVector vector:
                PrintSequence(sb, vector, '[', ']', readably, Print);
                break;
            case PersistentMap map:
                PrintMap(sb, map, readably);
                break;
            case PersistentSet set:
                sb.Append('#');
                PrintSequence(sb, set, '{', '}', readably, Print);
                break;
            case Atom atom:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                sb.Append("#<atom ");
                Print(sb, atom.Deref(), readably);
                sb.Append('>');
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

    /// <summary>Prints <paramref name="items"/> space-separated between the delimiters, each with <paramref name="printItem"/>.</summary>
    internal static void PrintSequence(StringBuilder sb, IEnumerable<object?> items, char open, char close, bool readably, Action<StringBuilder, object?, bool> printItem)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        sb.Append(open);
        bool first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            first = false;
            printItem(sb, item, readably);
        }

        sb.Append(close);
    }

    private static void PrintMap(StringBuilder sb, PersistentMap map, bool readably)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        sb.Append('{');
        bool first = true;
        foreach (var entry in map.Entries)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            Print(sb, entry.Key, readably);
            sb.Append(' ');
            Print(sb, entry.Value, readably);
        }

        sb.Append('}');
    }
}
