namespace Zylisp.Cli.Repl;

/// <summary>Where the REPL's lines come from: a line editor on a terminal, or plain text.</summary>
internal interface IReplInput : IDisposable
{
    /// <summary>Reads one line; <paramref name="continuing"/> selects the continuation prompt.</summary>
    ReplLine ReadLine(bool continuing, CancellationToken cancellation);

    /// <summary>
    /// Called with each complete entry (all the lines of a form, joined by newlines) before it is
    /// evaluated, so a line editor can recall it as one history entry.
    /// </summary>
    void Remember(string entry);
}

internal enum ReplLineKind
{
    Line,

    /// <summary>Ctrl+C while typing: drop the pending input and prompt again.</summary>
    Interrupted,

    /// <summary>Ctrl+D on an empty line, or the end of piped input.</summary>
    EndOfInput,
}

internal readonly record struct ReplLine(ReplLineKind Kind, string Text)
{
    public static ReplLine Interrupted { get; } = new(ReplLineKind.Interrupted, "");

    public static ReplLine EndOfInput { get; } = new(ReplLineKind.EndOfInput, "");

    public static ReplLine Of(string text) => new(ReplLineKind.Line, text);
}
