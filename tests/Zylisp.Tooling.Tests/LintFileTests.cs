using System.Text.RegularExpressions;
using Zylisp.Lang.Diagnostics;
using Zylisp.Tooling.Linting;

namespace Zylisp.Tooling.Tests;

/// <summary>tests/bad-style: one file per lint finding, each reporting exactly its expected finding.</summary>
public partial class LintFileTests
{
    internal static readonly Linter Linter = new();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests", "bad-style"), "*.zl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Lint_reports_exactly_the_expected_finding(string fileName)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "bad-style", fileName));
        var expect = ExpectLine().Match(text);
        Assert.True(expect.Success, fileName + " has no '; expect: ID at L:C' line");
        var result = Linter.Lint(text, fileName);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(
            (expect.Groups[1].Value, int.Parse(expect.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(expect.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)),
            (finding.Id, finding.Span!.Line, finding.Span.Column));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith(finding.Id, fileName, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_lint_finding_has_a_file()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests", "bad-style")).Select(Path.GetFileName).ToList();
        var ids = DiagnosticCatalog.All.Where(d => d.Phase == Phase.Lint).Select(d => d.Id).Append(DiagnosticIds.WrongArityWarning);
        Assert.All(ids, id => Assert.Contains(files, f => f!.StartsWith(id + "-", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^; expect: (ZL\d{4}) at (\d+):(\d+)", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
