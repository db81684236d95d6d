using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>Ctrl+D: on an empty line it ends the session (as in a shell); otherwise it deletes forward.</summary>
internal sealed class EndOfInputCommand(Action onEndOfInput) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (context.Buffer.Length == 0)
        {
            onEndOfInput();
            context.Submit(SubmitAction.Cancel);
            return;
        }

        context.Execute(new DeleteCommand());
    }
}
