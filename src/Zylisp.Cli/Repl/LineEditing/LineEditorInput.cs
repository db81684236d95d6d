using RadLine;
using Spectre.Console;
using Zylisp.Cli.Hosting;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// Reads lines with RadLine: cursor movement, history on the arrow keys, Tab completion, syntax
/// colouring with the matching bracket highlighted, and a Ctrl+R reverse history search. RadLine edits one line at a time; the REPL decides when a form is complete and hands
/// the whole form back through <see cref="Remember"/>, so history holds forms, not lines.
/// </summary>
internal sealed class LineEditorInput(
    IAnsiConsole console,
    ReplHistory history,
    Func<IEnumerable<string>> names,
    Func<string, NameKind> classify,
    Func<string>? currentNamespace = null,
    IInputSource? keys = null) : IReplInput
{
    private readonly ReplPrompt _prompt = new(currentNamespace);
    private readonly SyntaxHighlighter _highlighter = new(classify);
    private readonly KillRing _kills = new();
    private readonly HistorySearch _search = new(() => history.Entries);
    private readonly IInputSource _keys = keys ?? new CookedInputKeySource(new ConsoleKeySource(), CookedTerminalInput.TakeCompletedInput);
    private bool _endOfInput;

    public ReplLine ReadLine(bool continuing, CancellationToken cancellation)
    {
        _prompt.Continuing = continuing;
        _endOfInput = false;
        _search.Reset();
        var prompt = new EditorPrompt(_prompt, _search, _highlighter, () => console.Profile.Width);
        string? text;
        try
        {
            // Ctrl+C ends the line through the token; its last drawing keeps no bracket highlight.
            using var finished = cancellation.Register(() => prompt.Finished = true);
            text = CreateEditor(prompt).ReadLine(cancellation).GetAwaiter().GetResult();
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

        return ReplLine.Of(text);
    }

    public void Remember(string entry) => history.Add(entry);

    public void Dispose()
    {
    }

    /// <summary>
    /// A fresh editor for every line. RadLine adds each submitted line to its own history and has
    /// no way to remove one, so a long-lived editor would offer the lines of a multi-line form one
    /// by one; rebuilding it from <see cref="ReplHistory"/> (a few microseconds) offers whole forms.
    /// </summary>
    private LineEditor CreateEditor(EditorPrompt prompt)
    {
        var editor = new LineEditor(console, new SearchKeySource(_search, _keys))
        {
            Prompt = prompt,
            Highlighter = _highlighter,
        };
        // RadLine moves between the lines of a multi-line buffer on Up/Down; ours is one line, so
        // the arrows walk the history, as in every shell.
        editor.KeyBindings.Remove(ConsoleKey.UpArrow, modifiers: null);
        editor.KeyBindings.Remove(ConsoleKey.DownArrow, modifiers: null);
        editor.KeyBindings.Add(ConsoleKey.UpArrow, () => new PreviousHistoryCommand());
        editor.KeyBindings.Add(ConsoleKey.DownArrow, () => new NextHistoryCommand());
        editor.KeyBindings.Add(ConsoleKey.Tab, () => new CompleteSymbolCommand(names));
        editor.KeyBindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand(() => _endOfInput = true));
        // Emacs keys, as in readline.
        editor.KeyBindings.Add(ConsoleKey.A, ConsoleModifiers.Control, () => new MoveHomeCommand());
        editor.KeyBindings.Add(ConsoleKey.E, ConsoleModifiers.Control, () => new MoveEndCommand());
        editor.KeyBindings.Add(ConsoleKey.B, ConsoleModifiers.Alt, () => new PreviousWordCommand());
        editor.KeyBindings.Add(ConsoleKey.F, ConsoleModifiers.Alt, () => new NextWordCommand());
        editor.KeyBindings.Add(ConsoleKey.K, ConsoleModifiers.Control, () => new KillCommand(_kills, KillRange.ToEnd));
        editor.KeyBindings.Add(ConsoleKey.U, ConsoleModifiers.Control, () => new KillCommand(_kills, KillRange.ToStart));
        editor.KeyBindings.Add(ConsoleKey.W, ConsoleModifiers.Control, () => new KillCommand(_kills, KillRange.PreviousToken));
        editor.KeyBindings.Add(ConsoleKey.Backspace, ConsoleModifiers.Alt, () => new KillCommand(_kills, KillRange.PreviousWord));
        editor.KeyBindings.Add(ConsoleKey.Y, ConsoleModifiers.Control, () => new YankCommand(_kills));
        editor.KeyBindings.Add(ConsoleKey.R, ConsoleModifiers.Control, () => new HistorySearchCommand(_search, starts: true));
        editor.KeyBindings.Add(SearchKeySource.RefreshKey.Key, () => new HistorySearchCommand(_search, starts: false));
        editor.KeyBindings.Add(ConsoleKey.Enter, () => new SubmitLineCommand(() => prompt.Finished = true));
        editor.KeyBindings.Add(ConsoleKey.Escape, () => new CancelCompletionCommand());
        foreach (var entry in history.Entries)
        {
            // RadLine splits an entry at its newlines and shows it as a multi-line buffer.
            editor.History.Add(entry);
        }

        return editor;
    }
}
