namespace Zylisp.Cli.Repl;

/// <summary>
/// Finds the symbol being typed before the cursor and the defined names that complete it. Lisp
/// symbols contain characters such as <c>-</c>, <c>?</c>, <c>*</c> and <c>/</c>, so the word ends only
/// at whitespace, brackets, quotes and reader-macro characters.
/// </summary>
internal static class SymbolCompleter
{
    public static bool IsSymbolCharacter(char c) =>
        !char.IsWhiteSpace(c) && c is not ('(' or ')' or '[' or ']' or '{' or '}' or '"' or '\'' or '`' or '~' or '@' or '^' or ',' or ';');

    /// <summary>The start index of the symbol that ends at <paramref name="cursor"/>.</summary>
    public static int WordStart(string line, int cursor)
    {
        var start = Math.Clamp(cursor, 0, line.Length);
        while (start > 0 && IsSymbolCharacter(line[start - 1]))
        {
            start--;
        }

        return start;
    }

    /// <summary>
    /// Names starting with <paramref name="prefix"/>, sorted, without duplicates. After a known
    /// namespace, <c>Math/sq</c>, the names are completed within it and keep the qualifier.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string prefix, IEnumerable<string> names)
    {
        if (prefix.Length == 0)
        {
            return [];
        }

        int slash = prefix.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && Lang.Engine.IsKnownNamespace(prefix[..slash]))
        {
            string qualifier = prefix[..(slash + 1)];
            return Candidates(prefix[(slash + 1)..], names, allowEmpty: true).Select(n => qualifier + n).ToArray();
        }

        return Candidates(prefix, names, allowEmpty: false);
    }

    private static IReadOnlyList<string> Candidates(string prefix, IEnumerable<string> names, bool allowEmpty) =>
        prefix.Length == 0 && !allowEmpty
            ? []
            : names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToArray();

    public static string LongestCommonPrefix(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return "";
        }

        var length = words[0].Length;
        foreach (var word in words)
        {
            var i = 0;
            while (i < length && i < word.Length && word[i] == words[0][i])
            {
                i++;
            }

            length = i;
        }

        return words[0][..length];
    }
}
