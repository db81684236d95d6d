namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of the backends' compile-time diagnostics (ZL4xxx).</summary>
public static partial class DiagnosticIds
{
    public const string NeedsCompilerAtRunTime = "ZL4001";
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
    ];
}
