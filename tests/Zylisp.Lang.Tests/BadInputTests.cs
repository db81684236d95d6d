using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

/// <summary>
/// Runs every reader case in tests/bad/ (files named ZL1xxx-*.zl) through the reader; see
/// <see cref="BadFiles"/> for the header format. Any diagnostic the header does not name fails the case.
/// </summary>
public class BadInputTests
{
    public static TheoryData<string> ReaderCases() => BadFiles.Names(name => name.StartsWith("ZL1", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ReaderCases))]
    public void Reader_reports_exactly_the_expected_diagnostics(string fileName)
    {
        string text = BadFiles.Read(fileName);
        BadFiles.AssertExactly(fileName, text, Reader.ReadAll(text, fileName).Diagnostics);
    }

    [Fact]
    public void Every_reader_diagnostic_has_a_bad_file()
    {
        var covered = BadFiles.CoveredIds();
        var readerIds = Diagnostics.DiagnosticCatalog.All.Where(d => d.Phase == Diagnostics.Phase.Read).Select(d => d.Id);
        // ZL1017 needs a source past the 64 MB limit; RuntimeLimitsTests covers it at a small limit.
        var missing = readerIds.Where(id => !covered.Contains(id) && id != Diagnostics.DiagnosticIds.SourceTooLarge).ToList();
        Assert.True(missing.Count == 0, "no tests/bad file for " + string.Join(", ", missing));
    }
}
