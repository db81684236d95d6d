namespace Zylisp.Lang.Runtime;

/// <summary>"Did you mean" for undefined names: the closest defined names by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>A message suffix such as "; did you mean `count`?", or "" when nothing is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        int limit = Math.Max(1, name.Length / 3);
        var best = candidates
            .Where(c => !c.StartsWith('%'))
            .Select(c => (Name: c, Distance: Distance(name, c)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => "`" + x.Name + "`")
            .ToList();
        return best.Count == 0 ? "" : "; did you mean " + string.Join(" or ", best) + "?";
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
