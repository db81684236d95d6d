using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// Builds the value of a closed list, vector, map or set from the forms read inside it. The scanner
/// decides where collections start and end; this decides what they hold (dropping a duplicate key
/// or a dangling map key, and reporting it).
/// </summary>
internal static class CollectionBuilder
{
    public static PersistentList List(ValueStack<ReadItem> items, int start, int count, PackedSpan span)
    {
        if (count == 0)
        {
            return PersistentList.EmptyAt(span);
        }

        var list = PersistentList.Empty;
        for (int i = start + count - 1; i > start; i--)
        {
            list = list.Cons(items[i].Form);
        }

        return PersistentList.ConsAt(items[start].Form, list, span);
    }

    public static PersistentVector Vector(ValueStack<ReadItem> items, int start, int count, PackedSpan span)
    {
        var values = new object?[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = items[start + i].Form;
        }

        return PersistentVector.FromArray(values, span);
    }

    public static PersistentMap Map(ValueStack<ReadItem> items, int start, int count, PackedSpan span, ICollectionReporter reporter)
    {
        if (count % 2 != 0)
        {
            var dangling = items[start + count - 1];
            reporter.Report(DiagnosticIds.OddMapForms, dangling.Start, dangling.End, count);
            count--; // the last key has no value; drop it
        }

        var entries = new KeyValuePair<object?, object?>[count / 2];
        int kept = 0;
        var seen = count / 2 > PersistentMap.SmallLimit ? new HashSet<object?>(ValueEquality.Instance) : null;
        for (int i = start; i < start + count; i += 2)
        {
            var key = items[i];
            if (seen is not null ? !seen.Add(key.Form) : ContainsKey(entries, kept, key.Form))
            {
                reporter.Report(DiagnosticIds.DuplicateMapKey, key.Start, key.End, key.Form);
                continue;
            }

            entries[kept++] = new KeyValuePair<object?, object?>(key.Form, items[i + 1].Form);
        }

        return PersistentMap.FromDistinctEntries(kept == entries.Length ? entries : entries[..kept], span);
    }

    private static bool ContainsKey(KeyValuePair<object?, object?>[] entries, int count, object? key)
    {
        for (int i = 0; i < count; i++)
        {
            if (ValueEquality.Instance.Equals(entries[i].Key, key))
            {
                return true;
            }
        }

        return false;
    }

    public static PersistentSet Set(ValueStack<ReadItem> items, int start, int count, PackedSpan span, ICollectionReporter reporter)
    {
        var elements = new object?[count];
        int kept = 0;
        var seen = count > PersistentMap.SmallLimit ? new HashSet<object?>(ValueEquality.Instance) : null;
        for (int i = start; i < start + count; i++)
        {
            var element = items[i];
            if (seen is not null ? !seen.Add(element.Form) : ContainsElement(elements, kept, element.Form))
            {
                reporter.Report(DiagnosticIds.DuplicateSetElement, element.Start, element.End, element.Form);
                continue;
            }

            elements[kept++] = element.Form;
        }

        return PersistentSet.FromDistinct(kept == elements.Length ? elements : elements[..kept], span);
    }

    private static bool ContainsElement(object?[] elements, int count, object? item)
    {
        for (int i = 0; i < count; i++)
        {
            if (ValueEquality.Instance.Equals(elements[i], item))
            {
                return true;
            }
        }

        return false;
    }
}
