using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// Shows the state of the Ctrl+R search in the line. Bound to Ctrl+R (<paramref name="starts"/>:
/// it captures the line to put back on Esc) and to
/// <see cref="SearchKeySource.RefreshKey"/>, the key the key source sends after it changed the
/// search. The keys themselves are read by <see cref="SearchKeySource"/>, since a RadLine command
/// cannot read keys of its own.
/// </summary>
internal sealed class HistorySearchCommand(HistorySearch search, bool starts) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        if (starts)
        {
            // The key source began the search as it read Ctrl+R (perhaps several keys ago).
            search.CaptureOriginal(buffer.Content);
        }

        if (buffer.Content != search.Shown)
        {
            buffer.Clear(0, buffer.Content.Length);
            buffer.Move(0);
            buffer.Insert(search.Shown);
        }

        buffer.Move(Math.Min(search.Cursor, buffer.Content.Length));
    }
}
