using System.Runtime.CompilerServices;
using System.Text;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Printing;

/// <summary>
/// SLisp's <c>str</c> rendering. Unlike Zylisp's printer it is independent of insertion order,
/// so every SLisp backend prints maps and sets identically: map entries are sorted by their
/// rendered key and set elements by their rendered text (ordinal), items are separated by single
/// spaces without commas, keys and set elements are rendered readably (strings quoted) while map
/// values and list/vector elements are rendered like <c>str</c> (strings as they are).
/// Example: <c>(str {"b" "x" :a 1})</c> is <c>{"b" x :a 1}</c>.
/// </summary>
internal static class SlispPrinter
{
    public static string Str(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        _ => Render(value, readably: false),
    };

    private static string Render(object? value, bool readably)
    {
        var sb = new StringBuilder();
        Append(sb, value, readably);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value, bool readably)
    {
        switch (value)
        {
            case PersistentMap map:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                var entries = map.Entries
                    .Select(e => (Key: Render(e.Key, readably: true), e.Value))
                    .OrderBy(e => e.Key, StringComparer.Ordinal);
                sb.Append('{');
                bool firstEntry = true;
                foreach (var (key, entryValue) in entries)
                {
                    if (!firstEntry)
                    {
                        sb.Append(' ');
                    }

                    firstEntry = false;
                    sb.Append(key).Append(' ');
                    Append(sb, entryValue, readably);
                }

                sb.Append('}');
                break;
            case PersistentSet set:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                sb.Append("#{").AppendJoin(' ', set.Select(e => Render(e, readably: true)).Order(StringComparer.Ordinal)).Append('}');
                break;
            case PersistentVector vector:
                Printer.PrintSequence(sb, vector, '[', ']', readably, Append);
                break;
            case PersistentList list:
                Printer.PrintSequence(sb, list, '(', ')', readably, Append);
                break;
            default:
                Printer.Print(sb, value, readably);
                break;
        }
    }
}
