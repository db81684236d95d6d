using System.Text;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;

namespace Zylisp.Cli.Commands;

/// <summary>
/// Lays out a form over several lines when it does not fit the width, for <c>zylisp expand</c>.
/// Every atom and every sub-form that fits is printed by Lang's <see cref="Printer"/>, so the
/// output reads back as the same data; this class only decides where the line breaks go:
/// a list keeps its head (and its first argument, when that fits flat) on the first line and
/// puts each further element on its own line, indented by two.
/// </summary>
internal static class FormLayout
{
    public const int DefaultWidth = 80;

    public static string Pretty(object? form, int width = DefaultWidth)
    {
        var text = new StringBuilder();
        Write(text, form, column: 0, width);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? form, int column, int width)
    {
        var flat = Printer.PrStr(form);
        if (column + flat.Length <= width)
        {
            text.Append(flat);
            return;
        }

        switch (form)
        {
            case PersistentList { Count: > 0 } list:
                WriteList(text, [.. list], column, width);
                break;
            case PersistentVector { Count: > 0 } vector:
                WriteAligned(text, "[", "]", [.. vector], column, width);
                break;
            case PersistentSet { Count: > 0 } set:
                WriteAligned(text, "#{", "}", [.. set], column, width);
                break;
            case PersistentMap { Count: > 0 } map:
                WriteMap(text, map, column, width);
                break;
            default:
                text.Append(flat);
                break;
        }
    }

    private static void WriteList(StringBuilder text, IReadOnlyList<object?> items, int column, int width)
    {
        text.Append('(');
        var head = Printer.PrStr(items[0]);
        text.Append(head);
        var next = 1;
        var bodyColumn = column + 2;
        // A first argument that fits (a name, a test, a binding vector) reads best beside the head.
        if (items.Count > 1)
        {
            var first = Printer.PrStr(items[1]);
            if (column + 1 + head.Length + 1 + first.Length <= width)
            {
                text.Append(' ').Append(first);
                next = 2;
            }
        }

        for (var i = next; i < items.Count; i++)
        {
            NewLine(text, bodyColumn);
            Write(text, items[i], bodyColumn, width);
        }

        text.Append(')');
    }

    private static void WriteAligned(StringBuilder text, string open, string close, IReadOnlyList<object?> items, int column, int width)
    {
        text.Append(open);
        var itemColumn = column + open.Length;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                NewLine(text, itemColumn);
            }

            Write(text, items[i], itemColumn, width);
        }

        text.Append(close);
    }

    private static void WriteMap(StringBuilder text, PersistentMap map, int column, int width)
    {
        text.Append('{');
        var itemColumn = column + 1;
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!first)
            {
                NewLine(text, itemColumn);
            }

            first = false;
            var keyText = Printer.PrStr(key);
            text.Append(keyText).Append(' ');
            Write(text, value, itemColumn + keyText.Length + 1, width);
        }

        text.Append('}');
    }

    private static void NewLine(StringBuilder text, int column) => text.Append('\n').Append(' ', column);
}
