namespace Zylisp.Lang.Diagnostics;

// Analyze-phase diagnostics live here (ids ZL3xxx): add the id constants to DiagnosticIds and
// the message/help entries to AnalyzeEntries, one Error(...) or Warning(...) per id.
public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> AnalyzeEntries() => [];
}
