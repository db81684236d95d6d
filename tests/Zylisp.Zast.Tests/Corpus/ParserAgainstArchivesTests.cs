using Zylisp.Zast.Tests.Oracle;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Corpus;

/// <summary>The C# parser plus writer against the oracle: the checked-in archives and error lists
/// (no Go needed) and live oracle runs over GOROOT packages (when Go is installed).</summary>
public class ParserAgainstArchivesTests
{
    [Theory]
    [MemberData(nameof(CoverageCorpus.Names), MemberType = typeof(CoverageCorpus))]
    public void ParserAndWriterReproduceTheArchive(string name)
    {
        var entry = CoverageCorpus.Get(name);
        var (actual, errors) = ParserComparison.ParseAndWrite(name, System.IO.File.ReadAllBytes(entry.SourcePath), ZastFormat.Pretty);
        // Valid Go must parse cleanly; a _syntax_errors file must report go/parser's errors exactly.
        var expectedErrors = entry.ErrorsPath is null ? null : System.IO.File.ReadAllText(entry.ErrorsPath);
        Assert.Equal(expectedErrors, errors);
        Assert.True(actual is not null, "no tree written");
        Assert.Null(ParserComparison.Diff(System.IO.File.ReadAllText(entry.ArchivePath), actual));
    }

    [GoFact]
    public void ParserAndWriterMatchTheOracleOnGorootPackages()
    {
        var oracle = GoOracle.Get();
        var src = Path.Combine(oracle.GoRoot, "src");
        string[] packages = ["go/ast", "go/parser", "go/printer", "fmt", "strconv", "sort", "net/http", "runtime"];
        var files = packages.SelectMany(package => Directory.GetFiles(Path.Combine(src, package), "*.go")).Order(StringComparer.Ordinal).ToList();
        var mismatches = ParserComparison.Compare(files, src);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {files.Count} files differ:\n{string.Join("\n", mismatches.Take(10))}");
    }
}
