using RadLine;
using Spectre.Console;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// RadLine's prompt, switched between the primary and the continuation prompt by the REPL. A
/// multi-line form recalled from history shows the continuation prompt on its later lines.
/// </summary>
internal sealed class ReplPrompt : ILineEditorPrompt
{
    private static readonly Markup PrimaryMarkup = new($"[green]{Markup.Escape(Prompts.Primary)}[/]");
    private static readonly Markup ContinuationMarkup = new($"[grey]{Markup.Escape(Prompts.Continuation)}[/]");

    public bool Continuing { get; set; }

    public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) =>
        (Continuing || line > 0 ? ContinuationMarkup : PrimaryMarkup, 0);
}
