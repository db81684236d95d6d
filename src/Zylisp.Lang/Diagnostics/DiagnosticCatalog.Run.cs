namespace Zylisp.Lang.Diagnostics;

// Run-phase diagnostics live here (ids ZL5xxx): add the id constants to DiagnosticIds and
// the message/help entries to RunEntries, one Error(...) or Warning(...) per id.
public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> RunEntries() => [];
}
