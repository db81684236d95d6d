using Zylisp.Lang.Data;

namespace Zylisp.Lang.Expansion;

/// <summary>
/// Code built at run time (a macro's result, the argument of eval) may contain lazy seqs and cons
/// cells, as in Clojure, where any seq is a call form. The expander and analyzer read lists, so
/// such seqs become lists here; a form without any comes back as the same object.
/// </summary>
internal static class SeqForms
{
    /// <summary>
    /// <paramref name="form"/> with every lazy seq or cons cell in it made a list. Realizes at most
    /// <paramref name="budget"/> elements in all (an infinite seq is not code), then throws
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    public static object? Realize(object? form, int budget)
    {
        int left = budget;
        return Realize(form, ref left, 0);
    }

    private static object? Realize(object? form, ref int left, int depth)
    {
        if (depth > 10_000)
        {
            return form; // deeper than any form the expander accepts; it reports the depth itself
        }

        switch (form)
        {
            case LazySeq or Cons:
                var items = new List<object?>();
                using (var walk = new SeqEnumerator(form))
                {
                    while (walk.MoveNext())
                    {
                        if (--left < 0)
                        {
                            throw new InvalidOperationException("a lazy seq in code is too long (infinite?)");
                        }

                        items.Add(Realize(walk.Current, ref left, depth + 1));
                    }
                }

                return PersistentList.CreateRange(items);
            case PersistentList list:
                return RealizeItems(list, ref left, depth, static (items, original) => PersistentList.CreateRange(items).WithSpan(original.Span));
            case PersistentVector vector:
                return RealizeItems(vector, ref left, depth, static (items, original) => PersistentVector.CreateRange(items).WithSpan(original.Span));
            default:
                return form;
        }
    }

    private static object RealizeItems<T>(T coll, ref int left, int depth, Func<List<object?>, T, object> rebuild)
        where T : IZylispCollection
    {
        List<object?>? changed = null;
        int i = 0;
        foreach (var item in coll)
        {
            var realized = Realize(item, ref left, depth + 1);
            if (changed is null && !ReferenceEquals(realized, item))
            {
                changed = [.. coll.Take(i)];
            }

            changed?.Add(realized);
            i++;
        }

        return changed is null ? coll : rebuild(changed, coll);
    }
}
