using RadLine;
using Spectre.Console;
using Zylisp.Cli.Repl;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// Colours the input line as it is typed. RadLine hands over one token at a time (a run of letters
/// and digits, or a single other character), so the colouring is lexical: brackets, numbers, and
/// names the engine knows — special forms and macros apart from ordinary definitions.
/// </summary>
internal sealed class SyntaxHighlighter(Func<string, NameKind> classify) : IHighlighter
{
    private static readonly Style Bracket = new(foreground: Color.Grey);
    private static readonly Style Number = new(foreground: Color.Cyan1);
    private static readonly Style SpecialForm = new(foreground: Color.Magenta1);
    private static readonly Style Defined = new(foreground: Color.Yellow);
    private static readonly Style Punctuation = new(foreground: Color.Green);

    public Style? Highlight(string token)
    {
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
}
