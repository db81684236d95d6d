using System.Text;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Printing;

/// <summary>
/// One print of one value, with an explicit stack of open collections instead of recursion: a
/// value nested a million deep prints on an ordinary 1 MB thread. Collections past
/// <see cref="RuntimeLimits.MaxPrintDepth"/> print as <c>#</c>, items past
/// <see cref="RuntimeLimits.MaxPrintLength"/> as <c>...</c> (Clojure's <c>*print-level*</c> and
/// <c>*print-length*</c>), and an atom met again inside its own value as <c>#&lt;cycle&gt;</c>.
/// </summary>
internal sealed class ValuePrinter(StringBuilder sb, bool readably, RuntimeLimits limits)
{
    private readonly List<OpenCollection> open = [];
    private HashSet<Atom>? atomsOnPath;

    public void Print(object? value)
    {
        Begin(value);
        while (open.Count > 0)
        {
            var top = open[^1];
            if (!top.Items.MoveNext())
            {
                Close(top);
                continue;
            }

            if (top.Printed > 0)
            {
                sb.Append(top.IsMap && top.Printed % 2 == 0 ? ", " : " ");
            }

            // A map's length counts entries, not keys and values.
            int printedItems = top.IsMap ? top.Printed / 2 : top.Printed;
            if (top.Printed % (top.IsMap ? 2 : 1) == 0 && printedItems >= limits.MaxPrintLength)
            {
                sb.Append("...");
                Close(top);
                continue;
            }

            top.Printed++;
            Begin(top.Items.Current);
        }
    }

    /// <summary>Prints a scalar whole, or a collection's opener (pushing it so its items follow).</summary>
    private void Begin(object? value)
    {
        switch (value)
        {
            case PersistentList list:
                Open(list, list, "(", ")", isMap: false);
                break;
            case LazySeq or Cons:
                // Realized as it prints, one element at a time (a lazy sequence prints as a list).
                Open(value, new SeqEnumeration(value), "(", ")", isMap: false);
                break;
            case PersistentVector vector:
                Open(vector, vector, "[", "]", isMap: false);
                break;
            case PersistentMap map:
                Open(map, KeysAndValues(map), "{", "}", isMap: true);
                break;
            case PersistentSet set:
                Open(set, set, "#{", "}", isMap: false);
                break;
            case RecordValue record:
                Open(record, KeysAndValues(record.Fields), "#" + record.TypeTag + "{", "}", isMap: true);
                break;
            case Atom atom:
                atomsOnPath ??= new HashSet<Atom>(ReferenceEqualityComparer.Instance);
                if (!atomsOnPath.Add(atom))
                {
                    sb.Append("#<cycle>");
                    break;
                }

                if (!Open(atom, [atom.Deref()], "#<atom ", ">", isMap: false))
                {
                    atomsOnPath.Remove(atom);
                }

                break;
            case Reduced reduced:
                Open(reduced, [reduced.Value], "#<reduced ", ">", isMap: false);
                break;
            default:
                Printer.PrintAtom(sb, value, readably);
                break;
        }
    }

    private bool Open(object collection, IEnumerable<object?> items, string opener, string closer, bool isMap)
    {
        if (open.Count >= limits.MaxPrintDepth)
        {
            sb.Append('#');
            return false;
        }

        sb.Append(opener);
        open.Add(new OpenCollection(collection, items.GetEnumerator(), closer, isMap));
        return true;
    }

    private void Close(OpenCollection top)
    {
        sb.Append(top.Closer);
        top.Items.Dispose();
        open.RemoveAt(open.Count - 1);
        if (top.Collection is Atom atom)
        {
            atomsOnPath!.Remove(atom);
        }
    }

    private static IEnumerable<object?> KeysAndValues(PersistentMap map)
    {
        foreach (var entry in map.Entries)
        {
            yield return entry.Key;
            yield return entry.Value;
        }
    }

    private sealed class OpenCollection(object collection, IEnumerator<object?> items, string closer, bool isMap)
    {
        public object Collection { get; } = collection;

        public IEnumerator<object?> Items { get; } = items;

        public string Closer { get; } = closer;

        public bool IsMap { get; } = isMap;

        /// <summary>Items printed so far (keys and values separately for a map).</summary>
        public int Printed { get; set; }
    }

    /// <summary>An enumerable over a lazy seq that does not keep its head once walking starts.</summary>
    private sealed class SeqEnumeration(object? seq) : IEnumerable<object?>
    {
        public IEnumerator<object?> GetEnumerator() => new SeqEnumerator(seq);

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
