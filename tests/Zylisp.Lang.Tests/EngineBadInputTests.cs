using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>
/// Runs the expander, analyzer and run-time cases in tests/bad/ (ZL2xxx, ZL3xxx, ZL5xxx files)
/// through Engine.Eval, with the same "; expect: ID at line:col" headers as the reader cases
/// (<see cref="BadFiles"/>).
/// </summary>
public class EngineBadInputTests
{
    /// <summary>Ids that cannot come from a file, each with the reason.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        [DiagnosticIds.Interrupted] = "needs a cancelled token; InterpreterTests.Cancellation_* cover it",
        [DiagnosticIds.HostError] = "reports bugs in the implementation, which no program should trigger",
        [DiagnosticIds.OutOfMemory] = "needs a memory limit; RuntimeErrorHardeningTests sets one",
        [DiagnosticIds.NamespaceCycle] = "needs two files that require each other; NamespaceTests writes them",
        [DiagnosticIds.NamespaceMismatch] = "needs a second file under a source root; NamespaceTests writes it",
    };

    public static TheoryData<string> Cases() => BadFiles.Names(name => name[2] is '2' or '3' or '5');

    [Theory]
    [MemberData(nameof(Cases))]
    public void Engine_reports_exactly_the_expected_diagnostics(string fileName)
    {
        string text = BadFiles.Read(fileName);
        var host = new LangTestHost(new RuntimeLimits { MaxCallDepth = 2_000, MaxMacroExpansions = 1_000 });
        BadFiles.AssertExactly(fileName, text, host.Engine.Eval(text, fileName).Diagnostics);
    }

    [Fact]
    public void Every_expand_analyze_and_run_diagnostic_has_a_bad_file()
    {
        var covered = BadFiles.CoveredIds();
        var ids = DiagnosticCatalog.All.Where(d => d.Phase is Phase.Expand or Phase.Analyze or Phase.Run).Select(d => d.Id);
        var missing = ids.Where(id => !covered.Contains(id) && !Exempt.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, "no tests/bad file for " + string.Join(", ", missing));
    }
}
