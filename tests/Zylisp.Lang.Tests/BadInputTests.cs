using System.Globalization;
using System.Text.RegularExpressions;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

/// <summary>
/// Runs every reader case in tests/bad/ (files named ZL1xxx-*.zl). Each file's header says what
/// must be reported: "; expect: ZL1002 at 3:1" (id and line:column, one line per diagnostic) and
/// optionally "; allow: ZL1001" for ids that may appear any number of times. Any other
/// diagnostic fails the case.
/// </summary>
public partial class BadInputTests
{
    public static TheoryData<string> ReaderCases()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(BadDirectory(), "ZL1*.zl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReaderCases))]
    public void Reader_reports_exactly_the_expected_diagnostics(string fileName)
    {
        string text = File.ReadAllText(Path.Combine(BadDirectory(), fileName));
        var expected = ExpectRegex().Matches(text)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var allowed = AllowRegex().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.StartsWith(expected[0].Item1, fileName, StringComparison.Ordinal);

        var result = Reader.ReadAll(text, fileName);
        var unmatched = result.Diagnostics.Where(d => !allowed.Contains(d.Id)).ToList();
        foreach (var (id, line, column) in expected)
        {
            var hit = unmatched.FirstOrDefault(d => d.Id == id && d.Span!.Line == line && d.Span.Column == column);
            Assert.True(hit is not null, $"{fileName}: expected {id} at {line}:{column}; got {string.Join("; ", result.Diagnostics)}");
            unmatched.Remove(hit);
        }

        Assert.True(unmatched.Count == 0, $"{fileName}: unexpected {string.Join("; ", unmatched)}");
    }

    [Fact]
    public void Every_reader_diagnostic_has_a_bad_file()
    {
        var covered = Directory.GetFiles(BadDirectory(), "ZL1*.zl").Select(p => Path.GetFileName(p)[..6]).ToHashSet(StringComparer.Ordinal);
        var readerIds = Diagnostics.DiagnosticCatalog.All.Where(d => d.Phase == Diagnostics.Phase.Read).Select(d => d.Id);
        var missing = readerIds.Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "no tests/bad file for " + string.Join(", ", missing));
    }

    private static string BadDirectory()
    {
        // Walk up from the test binaries to the repository root, which holds Zylisp.slnx.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zylisp.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "bad");
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Zylisp.slnx) above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^; expect: (ZL\d{4}) at (\d+):(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectRegex();

    [GeneratedRegex(@"^; allow: (ZL\d{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex AllowRegex();
}
