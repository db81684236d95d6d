using RadLine;
using Spectre.Console;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// The prompt RadLine draws before each line: the REPL's own prompt, or readline's
/// <c>(reverse-i-search)`query': </c> while a Ctrl+R search runs. Since RadLine asks for the
/// prompt right before it draws a line, this is also where the highlighter learns which line and
/// cursor it is about to colour (for the matching bracket).
/// </summary>
internal sealed class EditorPrompt(ILineEditorPrompt prompt, HistorySearch search, SyntaxHighlighter highlighter, Func<int> terminalWidth) : ILineEditorPrompt
{
    /// <summary>Set once the line is submitted or abandoned: its last drawing keeps no highlight.</summary>
    public bool Finished { get; set; }

    public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line)
    {
        var (markup, margin) = search.Active && line == state.LineIndex ? (SearchMarkup(), 0) : prompt.GetPrompt(state, line);
        var buffer = RadLineState.BufferAt(state, line);
        var text = buffer?.Content ?? "";
        // RadLine scrolls a line longer than this width, drawing only part of it.
        var fits = text.Length <= terminalWidth() - markup.Length - margin - 1;
        highlighter.BeginLine(text, Finished || line != state.LineIndex ? null : buffer?.Position, fits);
        return (markup, margin);
    }

    private Markup SearchMarkup() =>
        new($"[grey]({(search.Failing ? "failing " : "")}reverse-i-search)`[/]{Markup.Escape(search.Query)}[grey]':[/] ");
}
