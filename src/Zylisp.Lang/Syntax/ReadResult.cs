using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// What <see cref="Reader.ReadAll"/> produced: the top-level forms (with the span of each in
/// <see cref="FormSpans"/>, since numbers, strings and keywords cannot carry one) and every
/// diagnostic, sorted by position. Forms are returned even when there are errors: unclosed
/// collections are closed where the input ended, stray closers are skipped.
/// </summary>
public sealed class ReadResult
{
    internal ReadResult(IReadOnlyList<object?> forms, IReadOnlyList<SourceSpan> formSpans, IReadOnlyList<Diagnostic> diagnostics, bool endedInsideForm)
    {
        Forms = forms;
        FormSpans = formSpans;
        Diagnostics = diagnostics;
        EndedInsideForm = endedInsideForm;
    }

    public IReadOnlyList<object?> Forms { get; }

    /// <summary>FormSpans[i] is where Forms[i] was read.</summary>
    public IReadOnlyList<SourceSpan> FormSpans { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(static d => d.IsError);

    /// <summary>
    /// True when the text ended inside an unclosed collection, string or reader macro: a REPL
    /// should ask for another line instead of reporting the errors.
    /// </summary>
    public bool EndedInsideForm { get; }
}
