using System.Text;

namespace Zylisp.Cli.Repl;

/// <summary>
/// Everything typed in one REPL session, as one text whose lines are numbered across entries, as
/// Clojure's REPL numbers them: each entry starts on the line after the previous one. An error
/// raised in a function an earlier entry defined then names that entry's line, and the excerpt
/// under it quotes what was typed there.
/// </summary>
internal sealed class ReplTranscript
{
    private readonly StringBuilder text = new();

    /// <summary>The number of lines so far.</summary>
    public int LineCount { get; private set; }

    /// <summary>Appends an entry; returns the 1-based line it starts on.</summary>
    public int Append(string entry)
    {
        int first = LineCount + 1;
        text.Append(entry);
        LineCount += entry.AsSpan().Count('\n');
        if (!entry.EndsWith('\n'))
        {
            text.Append('\n');
            LineCount++;
        }

        return first;
    }

    /// <summary>The whole session's text.</summary>
    public override string ToString() => text.ToString();
}
