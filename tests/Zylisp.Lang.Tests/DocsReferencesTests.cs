using System.Text.RegularExpressions;
using Zylisp.Conformance.Tests;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>
/// The documents stay true to the code (issue 8): every diagnostic id and every repository path
/// that a page under docs/ (or the README) names must exist.
/// </summary>
public sealed partial class DocsReferencesTests
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, page).Replace('\\', '/'));
        }

        data.Add("README.md");
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_diagnostic_id_a_page_names_exists(string page)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, page));
        var missing = DiagnosticId().Matches(text).Select(m => m.Value).Distinct()
            .Where(id => !DiagnosticCatalog.All.Any(d => d.Id == id))
            .ToList();
        Assert.True(missing.Count == 0, page + " names ids the catalogue does not have: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_repository_path_a_page_names_exists(string page)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, page));
        var missing = RepositoryPath().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ':', ')'))
            .Where(path => !IsPattern(path))
            .Distinct()
            .Where(path => !File.Exists(Path.Combine(RepositoryRoot.Path, path)) && !Directory.Exists(Path.Combine(RepositoryRoot.Path, path)))
            .ToList();
        Assert.True(missing.Count == 0, page + " names paths that do not exist: " + string.Join(", ", missing));
    }

    // Placeholders such as tests/programs/**/NAME.zl or bench/<name>/ describe a shape, not a file.
    private static bool IsPattern(string path) =>
        path.Contains('*') || path.Contains('<') || path.Contains("NAME", StringComparison.Ordinal) || path.Contains('{') || path.Contains('…');

    [GeneratedRegex(@"\bZL\d{4}\b")]
    private static partial Regex DiagnosticId();

    [GeneratedRegex(@"(?<![\w./-])(?:src|tests|docs|bench|corpus)/[\w./*<>{}…-]+")]
    private static partial Regex RepositoryPath();
}
