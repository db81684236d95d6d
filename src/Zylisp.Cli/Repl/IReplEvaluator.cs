namespace Zylisp.Cli.Repl;

/// <summary>The language behind the REPL: the engine in the product, a fake in the REPL's unit tests.</summary>
internal interface IReplEvaluator
{
    /// <summary>True when the text holds only complete forms (or a read error a further line cannot fix).</summary>
    bool IsComplete(string source);

    /// <summary>Evaluates every form; never throws. Printing of output done by the program happens during the call.</summary>
    ReplOutcome Evaluate(string source, CancellationToken cancellation);

    /// <summary>The names Tab can complete.</summary>
    IEnumerable<string> Names { get; }

    /// <summary>How the highlighter colours a name.</summary>
    NameKind Classify(string name);

    /// <summary>The namespace the next entry is evaluated in, for the prompt.</summary>
    string Namespace => "user";
}

/// <summary>
/// What one REPL entry produced: the printed value of the last form, or the formatted report of an
/// error (or interruption) for standard error, or text for the user such as a docstring.
/// </summary>
internal sealed record ReplOutcome(string? Value, string? Error, string? Message = null);
