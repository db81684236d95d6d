using RadLine;
using Spectre.Console;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>RadLine's prompt, switched between the primary and the continuation prompt by the REPL.</summary>
internal sealed class ReplPrompt : ILineEditorPrompt
{
    private static readonly Markup PrimaryMarkup = new($"[green]{Markup.Escape(Prompts.Primary)}[/]");
    private static readonly Markup ContinuationMarkup = new($"[grey]{Markup.Escape(Prompts.Continuation)}[/]");

    public bool Continuing { get; set; }

    public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) =>
        (Continuing ? ContinuationMarkup : PrimaryMarkup, 0);
}
