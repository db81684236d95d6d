using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang;

/// <summary>
/// An evaluation's outcome as plain data (strings and numbers only), so it can cross a process
/// boundary: an nREPL worker sends it to the server, which never sees the worker's objects.
/// </summary>
public sealed record EvalReport(
    bool Success,
    IReadOnlyList<string> Values,
    string Out,
    string Err,
    IReadOnlyList<DiagnosticReport> Diagnostics,
    string? ErrorType,
    string? ErrorMessage)
{
    /// <summary>
    /// Renders <paramref name="result"/>: every value printed readably, each diagnostic with its
    /// text as the CLI would show it (source excerpt from <paramref name="sources"/>), and the
    /// thrown value's type keyword and message.
    /// </summary>
    public static EvalReport From(EvalResult result, IReadOnlyList<object?> values, string output, string error, SourceRegistry? sources, DiagnosticFormatOptions? format = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(values);
        var formatter = new DiagnosticFormatter(sources, format ?? new DiagnosticFormatOptions { ShowHelp = false });
        var diagnostics = result.Diagnostics.Select(d => DiagnosticReport.From(d, formatter.Format(d))).ToList();
        var (type, message) = result.Error switch
        {
            null => ((string?)null, (string?)null),
            ErrorValue e => (Printer.PrStr(e.Type), e.Message),
            var other => ("thrown", Printer.PrStr(other)),
        };
        if (!result.Success && type is null && result.Errors.FirstOrDefault() is { } first)
        {
            type = first.Phase.ToString().ToLowerInvariant() + "-error";
            message = first.Message;
        }

        return new EvalReport(result.Success, [.. values.Select(Printer.PrStr)], output, error, diagnostics, type, message);
    }
}

/// <summary>A diagnostic as plain data: id, severity, phase, span and the rendered text.</summary>
public sealed record DiagnosticReport(
    string Id,
    string Severity,
    string Phase,
    string? File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    string Text)
{
    public static DiagnosticReport From(Diagnostic diagnostic, string rendered)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Span;
        return new DiagnosticReport(
            diagnostic.Id,
            diagnostic.Severity.ToString().ToLowerInvariant(),
            diagnostic.Phase.ToString().ToLowerInvariant(),
            span?.File,
            span?.Line ?? 0,
            span?.Column ?? 0,
            span?.EndLine ?? 0,
            span?.EndColumn ?? 0,
            diagnostic.Message,
            rendered);
    }
}
