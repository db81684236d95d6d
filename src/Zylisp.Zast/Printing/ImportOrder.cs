using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>
/// gofmt sorts each run of import lines (ast.SortImports) before printing. A source file's runs
/// are delimited by blank lines, which only positions can show; a tree built without positions
/// is one run, so the printer sorts and de-duplicates it the same way, to print what gofmt would.
/// </summary>
internal static class ImportOrder
{
    /// <summary>The specs in gofmt's order, or <paramref name="specs"/> itself when they carry positions or are already in order.</summary>
    public static List<Spec> ForPositionless(List<Spec> specs)
    {
        if (specs.Count < 2) return specs;
        foreach (var spec in specs)
        {
            if (spec is not ImportSpec import || import.Pos.IsValid || import.EndPos.IsValid) return specs;
        }

        var sorted = specs.Cast<ImportSpec>()
            .OrderBy(ImportPath, StringComparer.Ordinal)
            .ThenBy(ImportName, StringComparer.Ordinal)
            .ThenBy(ImportComment, StringComparer.Ordinal)
            .ToList();
        // Of several identical imports (same path and name), gofmt keeps the last.
        var result = new List<Spec>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i == sorted.Count - 1 || !SameImport(sorted[i], sorted[i + 1])) result.Add(sorted[i]);
        }
        return result.SequenceEqual(specs) ? specs : result;
    }

    private static bool SameImport(ImportSpec a, ImportSpec b) =>
        ImportPath(a) == ImportPath(b) && ImportName(a) == ImportName(b);

    private static string ImportPath(ImportSpec spec)
    {
        var value = spec.Path.Value;
        return value.Length >= 2 && value[0] is '"' or '`' && value[^1] == value[0] ? value[1..^1] : "";
    }

    private static string ImportName(ImportSpec spec) => spec.Name?.Name ?? "";

    private static string ImportComment(ImportSpec spec) =>
        spec.Comment is { List.Count: > 0 } group ? string.Join("\n", group.List.Select(c => c.Text)) : "";
}
