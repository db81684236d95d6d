using Zylisp.Compiler.Clr.Tests.Support;
using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>
/// Every corpus program and bad-input file on the IL engine gives the interpreter's exact stdout,
/// exit code and diagnostics, including each error's Zylisp stack trace.
/// </summary>
public class CorpusOnIlTests
{
    public static TheoryData<string> Programs()
    {
        var root = Path.Combine(Runs.RepositoryRoot(), "tests", "programs");
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".zl", StringComparison.Ordinal) || p.EndsWith(".slisp", StringComparison.Ordinal))
            .Where(p => !OnlyOnGo(p))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, path));
        }

        return data;
    }

    /// <summary>A program that calls Go (its .needs asks for go-interop) runs only on the go target; the conformance suite runs it there.</summary>
    private static bool OnlyOnGo(string path) =>
        System.IO.File.Exists(Path.ChangeExtension(path, ".needs")) && System.IO.File.ReadLines(Path.ChangeExtension(path, ".needs")).Any(line => line.Trim() == "go-interop");

    public static TheoryData<string> BadFiles()
    {
        var root = Path.Combine(Runs.RepositoryRoot(), "tests", "bad");
        var data = new TheoryData<string>();
        // ZL3011's and ZL3012's messages name the engine that refuses Go interop or float32, so they differ between engines by design.
        foreach (var path in Directory.EnumerateFiles(root, "*.zl").Where(p => !Path.GetFileName(p).StartsWith("ZL3011", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("ZL3012", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_matches_the_interpreter(string relativePath)
    {
        var path = Path.Combine(Runs.RepositoryRoot(), "tests", "programs", relativePath);
        var stem = Path.ChangeExtension(path, null);
        var args = System.IO.File.Exists(stem + ".args") ? System.IO.File.ReadAllLines(stem + ".args").Where(l => l.Length > 0).ToArray() : [];
        var expected = Runs.File(path, args, engine: null);
        var actual = Runs.File(path, args, new IlEngine());
        Assert.Equal(System.IO.File.ReadAllText(stem + ".out"), actual.Stdout);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.Stderr, actual.Stderr);
    }

    /// <summary>Tiered with a threshold of one: every fn called twice or looping twice runs compiled from then on.</summary>
    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_on_tiered_matches_the_interpreter(string relativePath)
    {
        var path = Path.Combine(Runs.RepositoryRoot(), "tests", "programs", relativePath);
        var stem = Path.ChangeExtension(path, null);
        var args = System.IO.File.Exists(stem + ".args") ? System.IO.File.ReadAllLines(stem + ".args").Where(l => l.Length > 0).ToArray() : [];
        var expected = Runs.File(path, args, engine: null);
        var actual = Runs.File(path, args, new EngineOptions { CreateExecutionEngine = () => new TieredEngine(threshold: 1) });
        Assert.Equal(System.IO.File.ReadAllText(stem + ".out"), actual.Stdout);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.Stderr, actual.Stderr);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_file_on_tiered_matches_the_interpreter(string file)
    {
        var path = Path.Combine(Runs.RepositoryRoot(), "tests", "bad", file);
        var expected = Runs.File(path, [], engine: null);
        var actual = Runs.File(path, [], new EngineOptions { CreateExecutionEngine = () => new TieredEngine(threshold: 1) });
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_file_matches_the_interpreter(string file)
    {
        var path = Path.Combine(Runs.RepositoryRoot(), "tests", "bad", file);
        var expected = Runs.File(path, [], engine: null);
        var actual = Runs.File(path, [], new IlEngine());
        Assert.Equal(expected, actual);
    }
}
