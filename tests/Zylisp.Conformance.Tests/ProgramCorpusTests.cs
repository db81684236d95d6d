namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs every program of tests/programs on every engine of <see cref="ProgramEngines.All"/> and
/// requires exactly the expected stdout and exit status (see tests/programs/README.md).
/// </summary>
public class ProgramCorpusTests
{
    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in ProgramEngines.All)
        {
            foreach (string program in ProgramCorpus.RelativePaths())
            {
                data.Add(engine.Name, program);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Runs))]
    public void Program_prints_the_expected_output_and_exits_with_the_expected_status(string engine, string program)
    {
        var expected = ProgramCase.Load(program);
        var runner = ProgramEngines.Named(engine);
        var missing = expected.Needs.Where(need => !runner.Capabilities.Contains(need)).ToList();
        Skip.If(missing.Count > 0, $"{program} needs {string.Join(", ", missing)} at run time, which the {engine} engine does not have");
        var actual = runner.Run(expected.FullPath, expected.Args);

        // Both checks report stderr, where the diagnostics of a failing program are.
        Assert.True(
            expected.ExpectedOutput == actual.StandardOutput,
            $"{program} on {engine}: stdout differs.\n--- expected ---\n{expected.ExpectedOutput}\n--- actual ---\n{actual.StandardOutput}\n--- stderr ---\n{actual.StandardError}");
        Assert.True(
            expected.ExpectedExitCode == actual.ExitCode,
            $"{program} on {engine}: exit status {actual.ExitCode}, expected {expected.ExpectedExitCode}.\n--- stderr ---\n{actual.StandardError}");
    }
}
