using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native;

/// <summary>
/// A construct the native backend cannot compile yet. The message names the engine and the
/// construct, so a corpus run reports the program as skipped with this reason, never as passed.
/// With a <paramref name="reason"/>, the construct is one the engine refuses by design, and the
/// message is the reason itself.
/// </summary>
public sealed class NativeCompileException(string construct, SourceSpan? span, string? reason = null)
    : Exception(Describe(construct, span, reason))
{
    public string Construct { get; } = construct;

    public SourceSpan? Span { get; } = span;

    /// <summary>Why the engine refuses the construct by design; null for one it does not support yet.</summary>
    public string? Reason { get; } = reason;

    /// <summary>
    /// The same problem as a diagnostic (ZL4701, or ZL4702 for a refusal by design), for the
    /// command line to report as every other compile error: located, with the source line.
    /// </summary>
    public Diagnostic ToDiagnostic() =>
        Reason is null
            ? Diagnostic.Create(DiagnosticIds.NativeUnsupported, Span, Construct)
            : Diagnostic.Create(DiagnosticIds.NativeRefused, Span, Reason);

    private static string Describe(string construct, SourceSpan? span, string? reason) =>
        (span is { Line: > 0 } s ? $"{s.File}:{s.Line}:{s.Column}: " : "") +
        (reason is null ? $"error: the native engine does not support {construct} yet" : "error: " + reason);
}
