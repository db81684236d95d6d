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
    public static string Str(object? value, RuntimeLimits limits) => value switch
    {
        null => string.Empty,
        string s => s,
        _ => Render(value, readably: false, limits, depth: 0),
    };

    private static string Render(object? value, bool readably, RuntimeLimits limits, int depth)
    {
        var sb = new StringBuilder();
        Append(sb, value, readably, limits, depth);
        return sb.ToString();
    }

    // Recursive (sorting needs each item rendered whole), so the depth cut-off, or the host stack
    // running short, ends nesting with Clojure's `#`.
    private static void Append(StringBuilder sb, object? value, bool readably, RuntimeLimits limits, int depth)
    {
        if (value is IZylispCollection && (depth >= limits.MaxPrintDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            sb.Append('#');
            return;
        }

        switch (value)
        {
            case PersistentMap map:
                var entries = map.Entries
                    .Take(limits.MaxPrintLength)
                    .Select(e => (Key: Render(e.Key, readably: true, limits, depth + 1), e.Value))
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
                    Append(sb, entryValue, readably, limits, depth + 1);
                }

                AppendEllipsis(sb, map.Count, limits, firstEntry);
                sb.Append('}');
                break;
            case PersistentSet set:
                sb.Append("#{").AppendJoin(' ', set.Take(limits.MaxPrintLength).Select(e => Render(e, readably: true, limits, depth + 1)).Order(StringComparer.Ordinal));
                AppendEllipsis(sb, set.Count, limits, set.Count == 0);
                sb.Append('}');
                break;
            case PersistentVector vector:
                AppendSequence(sb, vector, '[', ']', readably, limits, depth);
                break;
            case PersistentList list:
                AppendSequence(sb, list, '(', ')', readably, limits, depth);
                break;
            case LazySeq or Cons:
                AppendSequence(sb, (IZylispCollection)value, '(', ')', readably, limits, depth);
                break;
            default:
                Printer.Print(sb, value, readably, limits);
                break;
        }
    }

    private static void AppendSequence(StringBuilder sb, IZylispCollection items, char opener, char closer, bool readably, RuntimeLimits limits, int depth)
    {
        sb.Append(opener);
        int printed = 0;
        foreach (var item in items)
        {
            if (printed > 0)
            {
                sb.Append(' ');
            }

            if (printed == limits.MaxPrintLength)
            {
                sb.Append("...");
                break;
            }

            Append(sb, item, readably, limits, depth + 1);
            printed++;
        }

        sb.Append(closer);
    }

    private static void AppendEllipsis(StringBuilder sb, int count, RuntimeLimits limits, bool empty)
    {
        if (count > limits.MaxPrintLength)
        {
            sb.Append(empty ? "..." : " ...");
        }
    }
}
