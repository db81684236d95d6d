namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>Two bracket positions in a line; <see cref="Matches"/> is false when the kinds differ, as in <c>(]</c>.</summary>
internal readonly record struct BracketPair(int Open, int Close, bool Matches);

/// <summary>
/// Finds the bracket pair at the cursor, as Emacs' show-paren and readline's blink-matching-paren
/// do: the closer just before the cursor, else the opener under it (then the closer under it, then
/// the opener before it). Brackets inside strings, comments and character literals (<c>\(</c>)
/// do not count. Only the given line is searched: a closer whose opener is on an earlier line of
/// a multi-line form has no pair here.
/// </summary>
internal static class BracketMatcher
{
    private const string Openers = "([{";
    private const string Closers = ")]}";

    public static BracketPair? Find(string text, int cursor)
    {
        var partner = Partners(text);
        (int Position, bool Closer)[] candidates = [(cursor - 1, true), (cursor, false), (cursor, true), (cursor - 1, false)];
        foreach (var (position, closer) in candidates)
        {
            if (position < 0 || position >= text.Length || partner[position] is not { } other || Closers.Contains(text[position]) != closer)
            {
                continue;
            }

            var (open, close) = closer ? (other, position) : (position, other);
            return new BracketPair(open, close, Openers.IndexOf(text[open]) == Closers.IndexOf(text[close]));
        }

        return null;
    }

    /// <summary>For each bracket that has a partner in the line, the partner's position.</summary>
    private static int?[] Partners(string text)
    {
        var partner = new int?[text.Length];
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++; // a character literal: \( is the character, not a bracket
                    break;
                case ';':
                    return partner; // the rest of the line is a comment
                case '"':
                    i = EndOfString(text, i);
                    break;
                case var c when Openers.Contains(c):
                    open.Push(i);
                    break;
                case var c when Closers.Contains(c) && open.Count > 0:
                    var opener = open.Pop();
                    partner[opener] = i;
                    partner[i] = opener;
                    break;
            }
        }

        return partner;
    }

    /// <summary>The position of the string's closing quote, or the end of the line when it runs on.</summary>
    private static int EndOfString(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return text.Length;
    }
}
