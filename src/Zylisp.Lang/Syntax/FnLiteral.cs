using Zylisp.Lang.Data;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// The reader's <c>#(…)</c> function literal, as in Clojure: <c>#(* % 2)</c> reads as
/// <c>(fn [%1] (let [% %1] (* % 2)))</c>. <c>%</c> is the first argument, <c>%1</c>…<c>%20</c> the
/// numbered ones and <c>%&amp;</c> the rest; the highest number used sets the arity. The body is
/// only scanned, never rewritten, so every span in it stays as written.
/// </summary>
internal static class FnLiteral
{
    /// <summary>Clojure's limit on numbered arguments.</summary>
    public const int MaxArguments = 20;

    private static readonly Symbol Fn = Symbol.Of("fn");
    private static readonly Symbol Let = Symbol.Of("let");
    private static readonly Symbol Ampersand = Symbol.Of("&");
    private static readonly Symbol First = Symbol.Of("%");
    private static readonly Symbol Rest = Symbol.Of("%&");

    /// <summary>The fn form for a literal whose body (the call inside <c>#( )</c>) is <paramref name="body"/>.</summary>
    public static PersistentList Build(PersistentList body, PackedSpan span)
    {
        var usage = default(Usage);
        Scan(body, ref usage);
        int count = Math.Max(usage.HighestNumber, usage.UsesBare ? 1 : 0);
        var parameters = new object?[count + (usage.UsesRest ? 2 : 0)];
        for (int i = 0; i < count; i++)
        {
            parameters[i] = Symbol.Of("%" + (i + 1));
        }

        if (usage.UsesRest)
        {
            parameters[count] = Ampersand;
            parameters[count + 1] = Rest;
        }

        object inner = usage.UsesBare
            ? PersistentList.ConsAt(Let, PersistentList.Create(PersistentVector.Create(First, parameters[0]), body), span)
            : body;
        return PersistentList.ConsAt(Fn, PersistentList.Create(PersistentVector.FromArray(parameters, span), inner), span);
    }

    // An explicit stack rather than recursion: ReaderOptions.MaxDepth may be raised far beyond
    // what the host stack could take, and the reader itself never recurses either.
    private static void Scan(object? root, ref Usage usage)
    {
        var pending = new Stack<object?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Symbol { Namespace: null } symbol:
                    Note(symbol.Name, ref usage);
                    break;
                case PersistentMap map:
                    foreach (var entry in map.Entries)
                    {
                        pending.Push(entry.Key);
                        pending.Push(entry.Value);
                    }

                    break;
                case IEnumerable<object?> items and (PersistentList or PersistentVector or PersistentSet):
                    foreach (var item in items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    private static void Note(string name, ref Usage usage)
    {
        if (name.Length == 0 || name[0] != '%')
        {
            return;
        }

        if (name == "%")
        {
            usage.UsesBare = true;
        }
        else if (name == "%&")
        {
            usage.UsesRest = true;
        }
        else if (int.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)
            && n is >= 1 and <= MaxArguments)
        {
            usage.HighestNumber = Math.Max(usage.HighestNumber, n);
        }
    }

    private struct Usage
    {
        public bool UsesBare;
        public bool UsesRest;
        public int HighestNumber;
    }
}
