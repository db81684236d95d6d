using RadLine;
using Spectre.Console;
using Zylisp.Cli.Repl;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// Colours the input line as it is typed. RadLine hands over one token at a time (a run of letters
/// and digits, or a single other character), so the colouring is lexical: brackets, numbers, and
/// names the engine knows — special forms and macros apart from ordinary definitions. The bracket
/// pair at the cursor is highlighted too: the prompt announces each line before RadLine draws it
/// (<see cref="BeginLine"/>), and the highlighter counts its way through that line's tokens to
/// know where each one is.
/// </summary>
internal sealed class SyntaxHighlighter(Func<string, NameKind> classify) : IHighlighter
{
    private static readonly Style Bracket = new(foreground: Color.Grey);
    private static readonly Style Number = new(foreground: Color.Cyan1);
    private static readonly Style SpecialForm = new(foreground: Color.Magenta1);
    private static readonly Style Defined = new(foreground: Color.Yellow);
    private static readonly Style Punctuation = new(foreground: Color.Green);

    /// <summary>The pair at the cursor, as Emacs' show-paren shows it.</summary>
    internal static readonly Style MatchingBracket = new(foreground: Color.Black, background: Color.Aqua, decoration: Decoration.Bold);

    /// <summary>A closer of another kind than its opener, as in <c>(]</c>.</summary>
    internal static readonly Style MismatchedBracket = new(foreground: Color.White, background: Color.Red, decoration: Decoration.Bold);

    private string line = "";
    private int offset;
    private BracketPair? pair;

    /// <summary>
    /// The line about to be drawn and its cursor (null when the cursor is on another line). A line
    /// that does not fit the terminal is drawn scrolled, from an offset RadLine does not tell, so it
    /// gets no bracket highlight rather than a wrong one.
    /// </summary>
    public void BeginLine(string text, int? cursor, bool fits)
    {
        line = text;
        offset = 0;
        pair = cursor is { } at && fits ? BracketMatcher.Find(text, at) : null;
    }

    public Style? Highlight(string token)
    {
        var position = Locate(token);
        if (token.Length == 1 && pair is { } brackets && (position == brackets.Open || position == brackets.Close))
        {
            return brackets.Matches ? MatchingBracket : MismatchedBracket;
        }

        if (token.Length == 1 && "()[]{}".Contains(token[0]))
        {
            return Bracket;
        }

        if (token.Length == 1 && "'`~@:#\"".Contains(token[0]))
        {
            return Punctuation;
        }

        if (token.All(char.IsAsciiDigit))
        {
            return Number;
        }

        return classify(token) switch
        {
            NameKind.SpecialForm => SpecialForm,
            NameKind.Defined => Defined,
            _ => null,
        };
    }

    /// <summary>
    /// Where <paramref name="token"/> starts in the announced line, or -1. RadLine skips the
    /// whitespace tokens (it never asks about them), so they are stepped over here; a token that is
    /// not next in the line means the text drawn is not the announced line, and nothing more is placed.
    /// </summary>
    private int Locate(string token)
    {
        if (offset < 0)
        {
            return -1;
        }

        while (offset < line.Length && char.IsWhiteSpace(line[offset]))
        {
            offset++;
        }

        if (!line.AsSpan(offset).StartsWith(token, StringComparison.Ordinal))
        {
            offset = -1;
            return -1;
        }

        var position = offset;
        offset += token.Length;
        return position;
    }
}
