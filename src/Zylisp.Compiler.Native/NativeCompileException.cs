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

    private static string Describe(string construct, SourceSpan? span, string? reason) =>
        (span is { Line: > 0 } s ? $"{s.File}:{s.Line}:{s.Column}: " : "") +
        (reason is null ? $"error: the native engine does not support {construct} yet" : "error: " + reason);
}
