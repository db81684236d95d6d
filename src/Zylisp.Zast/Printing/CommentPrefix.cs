namespace Zylisp.Zast.Printing;

/// <summary>
/// Realigns the lines of a multi-line /*-style comment: the indentation they share (including a
/// column of leading stars) is removed so the printer can re-indent them at the current level.
/// </summary>
internal static class CommentPrefix
{
    public static void StripCommon(string[] lines)
    {
        if (lines.Length <= 1) return;

        // The common prefix of the inner lines, ignoring blank ones (which become empty).
        var prefix = "";
        var prefixSet = false;
        for (var i = 1; i < lines.Length - 1; i++)
        {
            if (IsBlank(lines[i]))
            {
                lines[i] = "";
                continue;
            }
            if (!prefixSet)
            {
                prefix = lines[i];
                prefixSet = true;
            }
            prefix = Common(prefix, lines[i]);
        }
        // With no inner lines, the last line's leading white space (and stars) is the prefix.
        if (!prefixSet) prefix = Common(lines[^1], lines[^1]);

        var lineOfStars = false;
        var star = prefix.IndexOf('*');
        if (star >= 0)
        {
            // A vertical line of stars: keep the stars, strip what is in front of them.
            prefix = prefix[..star];
            if (prefix.EndsWith(' ')) prefix = prefix[..^1];
            lineOfStars = true;
        }
        else
        {
            var first = lines[0];
            if (IsBlank(first[2..]))
            {
                // "/*" alone on its line: the comment text is probably indented under it, so keep
                // up to three blanks (or one tab) of the prefix as the text's own indentation.
                var i = prefix.Length;
                for (var n = 0; n < 3 && i > 0 && prefix[i - 1] == ' '; n++) i--;
                if (i == prefix.Length && i > 0 && prefix[i - 1] == '\t') i--;
                prefix = prefix[..i];
            }
            else
            {
                // Text follows "/*" on the first line: the other lines are probably aligned with
                // that text, so keep the white space equivalent of "/*" plus the gap after it.
                var n = 2;
                while (n < first.Length && first[n] <= ' ') n++;
                var suffix = n > 2 && first[2] == '\t' ? first[2..n] : "  " + first[2..n];
                if (prefix.EndsWith(suffix, StringComparison.Ordinal)) prefix = prefix[..^suffix.Length];
            }
        }

        var last = lines[^1];
        var closing = "*/";
        var closingIndex = last.IndexOf(closing, StringComparison.Ordinal);
        var beforeClosing = closingIndex >= 0 ? last[..closingIndex] : last;
        if (IsBlank(beforeClosing))
        {
            // The last line holds only the closing "*/": align it with the comment.
            if (lineOfStars) closing = " */";
            lines[^1] = prefix + closing;
        }
        else
        {
            prefix = Common(prefix, last);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0) lines[i] = lines[i][prefix.Length..];
        }
    }

    private static bool IsBlank(string s)
    {
        foreach (var ch in s)
        {
            if (ch > ' ') return false;
        }
        return true;
    }

    /// <summary>The longest common prefix made of white space and stars.</summary>
    private static string Common(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i] && (a[i] <= ' ' || a[i] == '*')) i++;
        return a[..i];
    }
}
