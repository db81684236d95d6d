namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// The state of a Ctrl+R reverse history search, as in readline: while it is active the prompt
/// reads <c>(reverse-i-search)`query': </c>, typed characters extend the query, Backspace shortens
/// it, Ctrl+R steps to the next older match, Esc or Ctrl+G puts back the line as it was, and any
/// other key accepts the match shown and then does its usual job (Enter runs it).
/// Entries are whole forms; the line editor shows one line, so a form's lines are joined.
/// </summary>
internal sealed class HistorySearch(Func<IReadOnlyList<string>> entries)
{
    // RadLine reads keys ahead of running their commands, so the search may have moved on before
    // the line it began on is captured: what is shown is therefore computed, not stored.
    private string? original;
    private string? match;
    private int index = -1;

    public bool Active { get; private set; }

    public string Query { get; private set; } = "";

    /// <summary>No entry contains the query (readline's "failing" search).</summary>
    public bool Failing { get; private set; }

    /// <summary>What the line should show now: the match, or the original line when there is none.</summary>
    public string Shown => match ?? original ?? "";

    /// <summary>Where the cursor goes in <see cref="Shown"/>: at the query within the match.</summary>
    public int Cursor => match is null ? Shown.Length : Math.Max(0, match.IndexOf(Query, StringComparison.Ordinal));

    /// <summary>Ctrl+R pressed: searching starts with an empty query (the line's text is captured when its command runs).</summary>
    public void Begin()
    {
        Reset();
        Active = true;
    }

    /// <summary>The line as it was when the search began, put back by <see cref="Cancel"/>.</summary>
    public void CaptureOriginal(string line) => original ??= line;

    public void Type(char character)
    {
        Query += character;
        // A longer query may still match the entry shown (readline stays on it); else look further back.
        Search(index >= 0 ? index : int.MaxValue);
    }

    public void Backspace()
    {
        if (Query.Length > 0)
        {
            Query = Query[..^1];
        }

        Search(int.MaxValue);
    }

    /// <summary>Ctrl+R again: the next older entry containing the query.</summary>
    public void Older()
    {
        if (Query.Length > 0)
        {
            Search(index >= 0 ? index - 1 : int.MaxValue);
        }
    }

    public void Cancel()
    {
        Active = false;
        match = null;
    }

    public void Accept() => Active = false;

    public void Reset()
    {
        Active = false;
        original = null;
        match = null;
        index = -1;
        Query = "";
        Failing = false;
    }

    private void Search(int from)
    {
        var history = entries();
        if (Query.Length == 0)
        {
            index = -1;
            match = null;
            Failing = false;
            return;
        }

        if (Find(history, Query, Math.Min(from, history.Count - 1)) is not { } found)
        {
            // Readline keeps showing the last match and says the search is failing.
            Failing = true;
            return;
        }

        index = found;
        Failing = false;
        match = string.Join(' ', history[found].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The index of the newest entry at or below <paramref name="from"/> that contains <paramref name="query"/>.</summary>
    internal static int? Find(IReadOnlyList<string> history, string query, int from)
    {
        for (var i = Math.Min(from, history.Count - 1); i >= 0; i--)
        {
            if (history[i].Contains(query, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }
}
