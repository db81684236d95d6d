namespace Zylisp.Lang;

/// <summary>
/// One evaluation with its own streams, for hosts that serve many requests from one engine
/// (the nREPL worker): output goes where this request says, not where the engine was created to write.
/// </summary>
public sealed record EvalRequest(string Source)
{
    /// <summary>The file name diagnostics and spans report.</summary>
    public string File { get; init; } = "<repl>";

    /// <summary>The 1-based line of the source's first character in <see cref="File"/> (an editor's eval of a region).</summary>
    public int Line { get; init; } = 1;

    /// <summary>The 1-based column of the source's first character.</summary>
    public int Column { get; init; } = 1;

    /// <summary>Where print and println write; the engine's <see cref="EngineOptions.Out"/> when null.</summary>
    public TextWriter? Out { get; init; }

    /// <summary>Where warnings and eprintln write; the engine's <see cref="EngineOptions.Error"/> when null.</summary>
    public TextWriter? Error { get; init; }

    /// <summary>What read-line reads; the engine's <see cref="EngineOptions.In"/> when null.</summary>
    public TextReader? In { get; init; }

    /// <summary>Called after each top-level form that ran, with the form as read and its value (nREPL sends one value per form).</summary>
    public Action<object?, object?>? OnFormEvaluated { get; init; }
}
