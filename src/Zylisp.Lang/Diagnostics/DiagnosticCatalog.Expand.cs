namespace Zylisp.Lang.Diagnostics;

// Expand-phase diagnostics live here (ids ZL2xxx): add the id constants to DiagnosticIds and
// the message/help entries to ExpandEntries, one Error(...) or Warning(...) per id.
public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> ExpandEntries() => [];
}
