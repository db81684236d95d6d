using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native;

/// <summary>
/// A construct the native backend cannot compile yet. The message names the engine and the
/// construct, so a corpus run reports the program as skipped with this reason, never as passed.
/// </summary>
public sealed class NativeCompileException(string construct, SourceSpan? span)
    : Exception(Describe(construct, span))
{
    public string Construct { get; } = construct;

    public SourceSpan? Span { get; } = span;

    private static string Describe(string construct, SourceSpan? span) =>
        (span is { Line: > 0 } s ? $"{s.File}:{s.Line}:{s.Column}: " : "") +
        $"error: the native engine does not support {construct} yet";
}
