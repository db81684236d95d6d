using System.Text;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// The symbol-like tokens of a program's text, for coverage checks. Comments and string literals
/// are skipped (a name mentioned only in a comment or a string does not count as used), and
/// reader-macro prefixes (' ` ~ ~@ @ #) are split off so 'x and @a yield x and a.
/// </summary>
public static class SourceTokens
{
    public static IReadOnlySet<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ';')
            {
                Flush(current, tokens);
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '"')
            {
                Flush(current, tokens);
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (char.IsWhiteSpace(c) || c is ',' or '(' or ')' or '[' or ']' or '{' or '}')
            {
                Flush(current, tokens);
                i++;
            }
            else if (current.Length == 0 && c is '\'' or '`' or '~' or '@' or '#' or '^')
            {
                i++;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        Flush(current, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder current, HashSet<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
