using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Go;

/// <summary>A compile-time error of the Go backend: a stable id, a source span and a message.</summary>
public sealed record GoDiagnostic(string Id, SourceSpan? Span, string Message)
{
    /// <summary>file:line:col: error ID: message, as every Zylisp tool reports errors.</summary>
    public override string ToString() =>
        (Span is { Line: > 0 } s ? s + ": " : "") + "error " + Id + ": " + Message;
}

/// <summary>The Go backend's diagnostics, all message text in one place (ids ZL46xx, emit phase).</summary>
public static class GoDiagnostics
{
    public const string NeedsCompilerId = "ZL4601";
    public const string UnsupportedId = "ZL4602";
    public const string UnknownGoPackageId = "ZL4603";
    public const string GoBuildFailedId = "ZL4604";
    public const string NoGoToolchainId = "ZL4605";
    public const string GoInteropErrorId = "ZL4606";

    public static GoDiagnostic NeedsCompiler(string function, SourceSpan? span) =>
        new(NeedsCompilerId, span, $"`{function}` needs the compiler at run time, which the go target does not have");

    public static GoDiagnostic Unsupported(string function, string reason, SourceSpan? span) =>
        new(UnsupportedId, span, $"`{function}` is not supported by the go target: {reason}");

    public static GoDiagnostic UnknownGoPackage(string call, string package, SourceSpan? span) =>
        new(UnknownGoPackageId, span, $"`{call}`: there is no Go package `{package}` known to the go target (import it with (import \"path\"))");

    public static GoDiagnostic GoBuildFailed(string moduleDir, string output) =>
        new(GoBuildFailedId, null, $"go build failed; this is a bug in Zylisp. The generated module is kept at {moduleDir}\n{output}");

    public static GoDiagnostic GoInteropError(string call, string goMessage, SourceSpan? span) =>
        new(GoInteropErrorId, span, $"`{call}`: the Go call does not compile: {goMessage}");

    public static GoDiagnostic NoGoToolchain() =>
        new(NoGoToolchainId, null, "the go target needs the Go toolchain: `go` was not found on PATH (install golang-go)");
}

/// <summary>Carries a diagnostic out of the emitter to the compiler's entry point.</summary>
public sealed class GoCompileException(GoDiagnostic diagnostic) : Exception(diagnostic.Message)
{
    public GoDiagnostic Diagnostic { get; } = diagnostic;
}
