using System.Collections.Concurrent;
using System.Globalization;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// Every program of tests/programs through <c>zylisp run</c> as a separate process: its standard
/// output and exit status must match NAME.out and NAME.exit (NAME.args are its arguments), as they
/// must on the in-process interpreter. The processes are started together, a few at a time, when
/// the first case asks for its result, so the whole corpus costs one wall-clock wait.
/// </summary>
public class ProgramCorpusTests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<CliResult>>> Runs = new();
    private static readonly SemaphoreSlim Slots = new(Math.Max(2, Environment.ProcessorCount));

    /// <summary>The corpus must exist: an empty list fails the theory rather than passing it vacuously.</summary>
    public static TheoryData<string> Programs() => new(ProgramPaths());

    /// <summary>A program that calls Go (its .needs asks for go-interop) runs only on the go target; the conformance suite runs it there.</summary>
    private static bool OnlyOnGo(string path) =>
        File.Exists(Path.ChangeExtension(path, ".needs")) && File.ReadLines(Path.ChangeExtension(path, ".needs")).Any(line => line.Trim() == "go-interop");

    private static List<string> ProgramPaths()
    {
        var root = RepositoryRoot.ProgramsDirectory;
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(path => path.EndsWith(".zl", StringComparison.Ordinal) || path.EndsWith(".slisp", StringComparison.Ordinal))
                .Where(path => !OnlyOnGo(path))
                .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task Program_runs_through_the_cli_with_the_expected_output_and_exit_status(string program)
    {
        StartAll();
        var stem = Path.Combine(RepositoryRoot.ProgramsDirectory, Path.ChangeExtension(program, null));
        var expectedOutput = File.ReadAllText(stem + ".out");
        var expectedExit = int.Parse(File.ReadAllText(stem + ".exit").Trim(), CultureInfo.InvariantCulture);

        var result = await Runs[program].Value;

        Assert.True(expectedExit == result.ExitCode, $"{program}: expected exit {expectedExit}\n{result}");
        Assert.DoesNotContain("internal error", result.Stderr);
        Assert.Equal(expectedOutput, result.Stdout);
    }

    private static void StartAll()
    {
        if (!Runs.IsEmpty)
        {
            return;
        }

        foreach (var program in ProgramPaths())
        {
            Runs.TryAdd(program, new Lazy<Task<CliResult>>(() => RunLimited(program)));
        }

        foreach (var run in Runs.Values)
        {
            _ = run.Value;
        }
    }

    private static async Task<CliResult> RunLimited(string program)
    {
        var path = Path.Combine(RepositoryRoot.ProgramsDirectory, program);
        var argsFile = Path.ChangeExtension(path, ".args");
        var args = File.Exists(argsFile) ? File.ReadAllLines(argsFile).Where(line => line.Length > 0) : [];
        await Slots.WaitAsync();
        try
        {
            // A scratch working directory: programs that write files use relative names.
            return await CliProcess.RunAsync(["run", path, .. args], workingDirectory: TempHome.Create());
        }
        finally
        {
            Slots.Release();
        }
    }
}
