using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>Enter: submits the line, first telling <paramref name="onSubmit"/> (the prompt drops the bracket highlight from the line's last drawing).</summary>
internal sealed class SubmitLineCommand(Action onSubmit) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        onSubmit();
        context.Submit(SubmitAction.Submit);
    }
}
