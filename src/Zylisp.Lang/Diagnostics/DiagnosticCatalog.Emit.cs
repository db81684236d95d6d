namespace Zylisp.Lang.Diagnostics;

// Emit-phase diagnostics live here (ids ZL4xxx): add the id constants to DiagnosticIds and
// the message/help entries to EmitEntries, one Error(...) or Warning(...) per id.
public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> EmitEntries() => [];
}
