using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// Ctrl+R: searches the history backwards for an entry containing what is typed, and shows it;
/// pressing Ctrl+R again finds the next older one with the same text. (A prefix-free search over
/// whole entries, like a shell's reverse search, without a separate search prompt.)
/// </summary>
internal sealed class HistorySearchCommand(Func<IReadOnlyList<string>> entries) : LineEditorCommand
{
    private const string SearchState = "zylisp.history-search";

    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var search = context.GetState<Search?>(SearchState, () => null);
        var history = entries();
        int from = history.Count - 1;
        string query = buffer.Content;
        if (search is not null && buffer.Content == search.Shown)
        {
            // Ctrl+R again: keep the query, continue below the last match.
            query = search.Query;
            from = search.Index - 1;
        }

        if (Find(history, query, from) is not { } index)
        {
            return;
        }

        // Entries are whole forms; the line editor shows one line, so the lines are joined.
        string shown = string.Join(' ', history[index].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        buffer.Clear(0, buffer.Content.Length);
        buffer.Move(0);
        buffer.Insert(shown);
        buffer.Move(shown.Length);
        context.SetState<Search?>(SearchState, new Search(query, index, shown));
    }

    /// <summary>The index of the newest entry at or below <paramref name="from"/> that contains <paramref name="query"/>.</summary>
    internal static int? Find(IReadOnlyList<string> history, string query, int from)
    {
        for (int i = Math.Min(from, history.Count - 1); i >= 0; i--)
        {
            if (history[i].Contains(query, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    private sealed record Search(string Query, int Index, string Shown);
}
