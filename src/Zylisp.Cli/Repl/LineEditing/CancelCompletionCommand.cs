using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>Esc: drops the pending Tab completion, putting back the word as it was typed.</summary>
internal sealed class CancelCompletionCommand : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (context.GetState<CompleteSymbolCommand.Cycle?>(CompleteSymbolCommand.CycleState, () => null) is not { } cycle)
        {
            return;
        }

        var buffer = context.Buffer;
        var shown = cycle.Candidates[cycle.Index];
        if (buffer.Content.Length >= cycle.Start + shown.Length && buffer.Content.Substring(cycle.Start, shown.Length) == shown)
        {
            CompleteSymbolCommand.Replace(buffer, cycle.Start, shown, cycle.Typed);
        }

        context.SetState<CompleteSymbolCommand.Cycle?>(CompleteSymbolCommand.CycleState, null);
    }
}
