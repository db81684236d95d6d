using System.Globalization;
using System.Text.RegularExpressions;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>
/// Runs the expander, analyzer and run-time cases in tests/bad/ (ZL2xxx, ZL3xxx, ZL5xxx files)
/// through Engine.Eval, with the same "; expect: ID at line:col" headers as the reader cases.
/// </summary>
public partial class EngineBadInputTests
{
    /// <summary>Ids that cannot come from a file, each with the reason.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        [DiagnosticIds.Interrupted] = "needs a cancelled token; InterpreterTests.Cancellation_* cover it",
        [DiagnosticIds.HostError] = "reports bugs in the implementation, which no program should trigger",
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(BadDirectory(), "ZL*.zl").Where(p => Path.GetFileName(p)[2] is '2' or '3' or '5').Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Engine_reports_exactly_the_expected_diagnostics(string fileName)
    {
        string text = File.ReadAllText(Path.Combine(BadDirectory(), fileName));
        var expected = ExpectRegex().Matches(text)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.StartsWith(expected[0].Item1, fileName, StringComparison.Ordinal);

        var host = new LangTestHost(new RuntimeLimits { MaxCallDepth = 2_000, MaxMacroExpansions = 1_000 });
        var result = host.Engine.Eval(text, fileName);
        var unmatched = result.Diagnostics.ToList();
        foreach (var (id, line, column) in expected)
        {
            var hit = unmatched.FirstOrDefault(d => d.Id == id && d.Span?.Line == line && d.Span.Column == column);
            Assert.True(hit is not null, $"{fileName}: expected {id} at {line}:{column}; got {string.Join("; ", result.Diagnostics)}");
            unmatched.Remove(hit);
        }

        Assert.True(unmatched.Count == 0, $"{fileName}: unexpected {string.Join("; ", unmatched)}");
    }

    [Fact]
    public void Every_expand_analyze_and_run_diagnostic_has_a_bad_file()
    {
        var covered = Directory.GetFiles(BadDirectory(), "ZL*.zl").Select(p => Path.GetFileName(p)[..6]).ToHashSet(StringComparer.Ordinal);
        var ids = DiagnosticCatalog.All.Where(d => d.Phase is Phase.Expand or Phase.Analyze or Phase.Run).Select(d => d.Id);
        var missing = ids.Where(id => !covered.Contains(id) && !Exempt.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, "no tests/bad file for " + string.Join(", ", missing));
    }

    private static string BadDirectory()
    {
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
}
