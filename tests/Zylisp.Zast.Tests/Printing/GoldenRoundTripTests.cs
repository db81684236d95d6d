using System.Text;
using Zylisp.Zast.Building;
using Zylisp.Zast.Printing;
using Zylisp.Zast.Tests.Oracle;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>
/// gofmt-clean Go files → go/parser oracle → ZastBuilder → GoPrinter must give the original
/// bytes. bench/zast/roundtrip.sh runs the same check over all of GOROOT; this test keeps a
/// varied sample (alignment-heavy packages, the coverage corpus) in the regular test run.
/// </summary>
public class GoldenRoundTripTests
{
    private static readonly string[] Packages = ["go/printer", "go/ast", "text/tabwriter", "fmt", "strconv", "encoding/json", "unicode"];

    [GoFact]
    public void GofmtCleanFilesRoundTripByteForByte()
    {
        var oracle = GoOracle.Get();
        var src = Path.Combine(oracle.GoRoot, "src");
        var gorootFiles = Packages.SelectMany(package => Directory.GetFiles(Path.Combine(src, package), "*.go"));
        CheckRoundTrip(oracle, gorootFiles, src);
        var corpusFiles = Corpus.CoverageCorpus.ValidEntries.Select(entry => entry.SourcePath);
        CheckRoundTrip(oracle, corpusFiles, RepositoryPaths.CorpusSources);
    }

    private static void CheckRoundTrip(GoOracle oracle, IEnumerable<string> candidates, string root)
    {
        var all = candidates.Order(StringComparer.Ordinal).ToList();
        var unclean = Gofmt.Unformatted(all).ToHashSet(StringComparer.Ordinal);
        var files = all.Where(file => !unclean.Contains(file)).ToList();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (var (name, result) in oracle.Archive(files, root, compact: true))
        {
            if (result.Errors is not null || result.Zast is null) continue; // a file go/parser rejects is not gofmt-clean either
            var built = ZastBuilder.BuildProgram(result.Zast, name);
            Assert.True(built.Success, $"{name}: {string.Join("\n", built.Diagnostics.Take(3))}");
            var printed = GoPrinter.Print(built.Value!.FileSet, built.Value.Files[0]);
            Assert.True(printed.Success, $"{name}: {string.Join("\n", printed.Errors.Take(3))}");
            var expected = System.IO.File.ReadAllText(Path.Combine(root, name), Encoding.UTF8);
            if (printed.Text != expected) failures.Add($"{name}: differs at offset {FirstDifference(printed.Text, expected)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }
}
