using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Diagnostics;

/// <summary>
/// A problem found in a program, as data: a stable id (ZL1001...), severity, phase, primary
/// span and message arguments. The message text comes from <see cref="DiagnosticCatalog"/>,
/// so tests assert on <see cref="Id"/> and <see cref="Span"/>, never on wording.
/// </summary>
public sealed record Diagnostic
{
    public Diagnostic(string id, Severity severity, Phase phase, SourceSpan? span, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(args);
        Id = id;
        Severity = severity;
        Phase = phase;
        Span = span;
        Args = args;
    }

    public string Id { get; }

    public Severity Severity { get; }

    public Phase Phase { get; }

    /// <summary>Where the problem is; null when it has no source location (e.g. a host failure).</summary>
    public SourceSpan? Span { get; }

    /// <summary>Values substituted into the catalogue's message template.</summary>
    public IReadOnlyList<object?> Args { get; }

    /// <summary>Secondary locations, such as where an unclosed form was opened.</summary>
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// <summary>The Zylisp call stack for run-time errors, innermost frame first.</summary>
    public IReadOnlyList<ZylispStackFrame> StackTrace { get; init; } = [];

    public bool IsError => Severity == Severity.Error;

    /// <summary>The rendered message (from the catalogue template and <see cref="Args"/>).</summary>
    public string Message => DiagnosticCatalog.FormatMessage(Id, Args);

    /// <summary>Friendly help for this id, or null.</summary>
    public string? Help => DiagnosticCatalog.FormatHelp(Id, Args);

    /// <summary>
    /// A diagnostic whose severity and phase come from the catalogue entry for <paramref name="id"/>.
    /// Unknown ids are treated as errors in the phase their number range names.
    /// </summary>
    public static Diagnostic Create(string id, SourceSpan? span, params object?[] args)
    {
        var descriptor = DiagnosticCatalog.Get(id);
        return new Diagnostic(id, descriptor.Severity, descriptor.Phase, span, args);
    }

    public override string ToString() =>
        Span is null ? $"{Severity.ToString().ToLowerInvariant()} {Id}: {Message}" : $"{Span}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
