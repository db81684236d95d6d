namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of the backends' compile-time diagnostics (ZL4xxx).</summary>
public static partial class DiagnosticIds
{
    public const string NeedsCompilerAtRunTime = "ZL4001";

    // The Go backend's (ZL46xx): its messages live here with every other diagnostic's.
    public const string GoNeedsCompiler = "ZL4601";
    public const string GoUnsupported = "ZL4602";
    public const string GoUnknownPackage = "ZL4603";
    public const string GoBuildFailed = "ZL4604";
    public const string GoToolchainMissing = "ZL4605";
    public const string GoInteropError = "ZL4606";

    // The native engine's (ZL47xx), for sessions that compile form by form (native-sessions.md).
    public const string NativeUnsupported = "ZL4701";
    public const string NativeRefused = "ZL4702";
}

// Emit-phase diagnostics live here (ids ZL4xxx): add the id constants to DiagnosticIds and
// the message/help entries to EmitEntries, one Error(...) or Warning(...) per id.
public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> EmitEntries() =>
    [
        Error(
            DiagnosticIds.NeedsCompilerAtRunTime,
            "`{0}` needs the compiler at run time, which the {1} target does not include",
            "eval, load-file, macroexpand and macroexpand-1 run the whole front end while the program runs. Use `zylisp run` (the interpreter, il or tiered engine) for such a program, or compute the code ahead of time with a macro."),
        Error(DiagnosticIds.GoNeedsCompiler, "`{0}` needs the compiler at run time, which the go target does not have"),
        Error(DiagnosticIds.GoUnsupported, "`{0}` is not supported by the go target: {1}"),
        Error(DiagnosticIds.GoUnknownPackage, "`{0}`: there is no Go package `{1}` known to the go target (import it with (import \"path\"))"),
        Error(DiagnosticIds.GoBuildFailed, "go build failed; this is a bug in Zylisp. The generated module is kept at {0}\n{1}"),
        Error(DiagnosticIds.GoToolchainMissing, "the go target needs the Go toolchain: `go` was not found on PATH (install golang-go)"),
        Error(
            DiagnosticIds.NativeUnsupported,
            "the native engine does not support {0} yet",
            "The interp, il and tiered engines run it. A native session compiles nothing of such a form, and its earlier definitions stay intact."),
        Error(
            DiagnosticIds.NativeRefused,
            "{0}",
            "docs/design/native-backend.md lists what the native engine compiles; the interp, il and tiered engines run every program."),
        Error(DiagnosticIds.GoInteropError, "`{0}`: the Go call does not compile: {1}"),
    ];
}
