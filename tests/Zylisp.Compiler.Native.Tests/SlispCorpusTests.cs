namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The SLisp seed's programs (tests/programs/slisp) built as native executables: stdout and exit
/// status must equal the files beside them. Every one of them compiles natively now.
/// </summary>
public sealed class SlispCorpusTests
{
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".slisp", StringComparison.Ordinal) || f.EndsWith(".zl", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(CorpusRoot, file).Replace('\\', '/'));
        }

        return data;
    }

    [NativeTheory]
    [MemberData(nameof(Programs))]
    public void Program_matches_its_expected_output(string program)
    {
        var path = Path.Combine(CorpusRoot, program);
        var collected = ProgramCollector.Collect(File.ReadAllText(path), path, ExitRule.CallMain);
        Assert.NotNull(collected.Program);
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(collected.Program!));
        var expectedOut = File.ReadAllText(Path.ChangeExtension(path, ".out"));
        var expectedExit = int.Parse(File.ReadAllText(Path.ChangeExtension(path, ".exit")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedOut, outcome.Stdout);
        Assert.Equal(expectedExit, outcome.ExitCode);
    }

    private static string CorpusRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zylisp.slnx")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? ".", "tests", "programs", "slisp");
        }
    }
}
