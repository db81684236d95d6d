using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Go;

/// <summary>A compile-time error of the Go backend: a stable id, a source span and a message.</summary>
public sealed record GoDiagnostic(string Id, SourceSpan? Span, string Message)
{
    /// <summary>The catalogue arguments the message was formatted from.</summary>
    public IReadOnlyList<object?> Args { get; init; } = [];

    /// <summary>The same problem as a Lang diagnostic, for reporters that quote the source line.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Id, Span, [.. Args]);

    /// <summary>file:line:col: error ID: message, as every Zylisp tool reports errors.</summary>
    public override string ToString() =>
        (Span is { Line: > 0 } s ? s + ": " : "") + "error " + Id + ": " + Message;
}

/// <summary>The Go backend's diagnostics (ids ZL46xx, emit phase); their text is in Lang's catalogue, with every other diagnostic's.</summary>
public static class GoDiagnostics
{
    public const string NeedsCompilerId = DiagnosticIds.GoNeedsCompiler;
    public const string UnsupportedId = DiagnosticIds.GoUnsupported;
    public const string UnknownGoPackageId = DiagnosticIds.GoUnknownPackage;
    public const string GoBuildFailedId = DiagnosticIds.GoBuildFailed;
    public const string NoGoToolchainId = DiagnosticIds.GoToolchainMissing;
    public const string GoInteropErrorId = DiagnosticIds.GoInteropError;

    public static GoDiagnostic NeedsCompiler(string function, SourceSpan? span) => Make(NeedsCompilerId, span, function);

    public static GoDiagnostic Unsupported(string function, string reason, SourceSpan? span) => Make(UnsupportedId, span, function, reason);

    public static GoDiagnostic UnknownGoPackage(string call, string package, SourceSpan? span) => Make(UnknownGoPackageId, span, call, package);

    public static GoDiagnostic GoBuildFailed(string moduleDir, string output) => Make(GoBuildFailedId, null, moduleDir, output);

    public static GoDiagnostic GoInteropError(string call, string goMessage, SourceSpan? span) => Make(GoInteropErrorId, span, call, goMessage);

    public static GoDiagnostic NoGoToolchain() => Make(NoGoToolchainId, null);

    private static GoDiagnostic Make(string id, SourceSpan? span, params object?[] args) =>
        new(id, span, DiagnosticCatalog.FormatMessage(id, args)) { Args = args };
}

/// <summary>Carries a diagnostic out of the emitter to the compiler's entry point.</summary>
public sealed class GoCompileException(GoDiagnostic diagnostic) : Exception(diagnostic.Message)
{
    public GoDiagnostic Diagnostic { get; } = diagnostic;
}
