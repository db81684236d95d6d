using RadLine;
using Spectre.Console;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// Reads lines with RadLine: cursor movement, history on the arrow keys, Tab completion and syntax
/// colouring. RadLine edits one line at a time; the REPL decides when a form is complete.
/// </summary>
internal sealed class LineEditorInput : IReplInput
{
    private readonly LineEditor _editor;
    private readonly ReplPrompt _prompt = new();
    private readonly ReplHistory _history;
    private bool _endOfInput;

    public LineEditorInput(IAnsiConsole console, ReplHistory history, Func<IEnumerable<string>> names, Func<string, NameKind> classify)
    {
        _history = history;
        _editor = new LineEditor(console)
        {
            Prompt = _prompt,
            Highlighter = new SyntaxHighlighter(classify),
        };
        // RadLine moves between the lines of a multi-line buffer on Up/Down; ours is one line, so
        // the arrows walk the history, as in every shell.
        _editor.KeyBindings.Remove(ConsoleKey.UpArrow, modifiers: null);
        _editor.KeyBindings.Remove(ConsoleKey.DownArrow, modifiers: null);
        _editor.KeyBindings.Add(ConsoleKey.UpArrow, () => new PreviousHistoryCommand());
        _editor.KeyBindings.Add(ConsoleKey.DownArrow, () => new NextHistoryCommand());
        _editor.KeyBindings.Add(ConsoleKey.Tab, () => new CompleteSymbolCommand(names));
        _editor.KeyBindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand(() => _endOfInput = true));
        foreach (var entry in history.Entries)
        {
            _editor.History.Add(entry);
        }
    }

    public ReplLine ReadLine(bool continuing, CancellationToken cancellation)
    {
        _prompt.Continuing = continuing;
        _endOfInput = false;
        string? text;
        try
        {
            text = _editor.ReadLine(cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // RadLine's key polling can observe the token inside a delay and throw instead of returning.
            Console.WriteLine();
            return ReplLine.Interrupted;
        }

        if (text is null)
        {
            return _endOfInput ? ReplLine.EndOfInput : ReplLine.Interrupted;
        }

        _history.Add(text);
        return ReplLine.Of(text);
    }

    public void Dispose()
    {
    }
}
