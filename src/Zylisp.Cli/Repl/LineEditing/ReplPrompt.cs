using RadLine;
using Spectre.Console;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// RadLine's prompt, switched between the primary and the continuation prompt by the REPL. A
/// multi-line form recalled from history shows the continuation prompt on its later lines.
/// </summary>
internal sealed class ReplPrompt(Func<string>? currentNamespace = null) : ILineEditorPrompt
{
    public bool Continuing { get; set; }

    public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line)
    {
        var ns = currentNamespace?.Invoke() ?? "user";
        return Continuing || line > 0
            ? (new Markup($"[grey]{Markup.Escape(Prompts.ContinuationFor(ns))}[/]"), 0)
            : (new Markup($"[green]{Markup.Escape(Prompts.PrimaryFor(ns))}[/]"), 0);
    }
}
