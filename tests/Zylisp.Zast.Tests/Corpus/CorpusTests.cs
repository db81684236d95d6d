using System.Diagnostics;
using Zylisp.Zast.Building;
using Zylisp.Zast.Coverage;
using Zylisp.Zast.Schema;
using Zylisp.Zast.Tests.Oracle;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Corpus;

/// <summary>
/// The go-ast-coverage corpus and its archives: the archives are what the oracle writes today,
/// the C# builder and writer reproduce each one byte for byte, and together they exercise every
/// node type and field state (COVERAGE.md).
/// </summary>
public class CorpusTests
{
    private static readonly string CoverageReportPath = Path.Combine(RepositoryPaths.Corpus, "COVERAGE.md");

    [Theory]
    [MemberData(nameof(CoverageCorpus.Names), MemberType = typeof(CoverageCorpus))]
    public void ArchiveBuildsAndRewritesByteForByte(string name)
    {
        var text = System.IO.File.ReadAllText(CoverageCorpus.Get(name).ArchivePath);
        var built = ZastBuilder.BuildProgram(text, name);
        Assert.True(built.Success, string.Join("\n", built.Diagnostics.Take(5)));
        Assert.Equal(text, ZastWriter.Write(built.Value!));

        var compact = ZastWriter.Write(built.Value!, ZastFormat.Compact);
        var rebuilt = ZastBuilder.BuildProgram(compact, name);
        Assert.True(rebuilt.Success);
        Assert.Equal(text, ZastWriter.Write(rebuilt.Value!));
    }

    [Fact]
    public void EverySourceHasAnArchiveAndEveryArchiveASource()
    {
        var archives = Directory.GetFiles(RepositoryPaths.CorpusArchives, "*", SearchOption.AllDirectories)
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal);
        var expected = CoverageCorpus.Entries
            .SelectMany(entry => entry.ErrorsPath is null ? [entry.ArchivePath] : new[] { entry.ArchivePath, entry.ErrorsPath })
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal);
        Assert.Equal(expected, archives);
    }

    [GoFact]
    public void ArchivesAreCurrentWithTheOracle()
    {
        var results = GoOracle.Get().Archive(CoverageCorpus.Entries.Select(entry => entry.SourcePath).ToList(), RepositoryPaths.CorpusSources);
        var stale = new List<string>();
        foreach (var entry in CoverageCorpus.Entries)
        {
            var result = results[entry.Name];
            Assert.True(result.Zast is not null, $"{entry.Name}: go/parser gave up at the package clause: {result.Errors}");
            // Only the _syntax_errors group may have errors, and each of its files must have some.
            Assert.True(entry.HasSyntaxErrors == (result.Errors is not null),
                entry.HasSyntaxErrors ? $"{entry.Name} parses cleanly: move it out of {CoverageCorpus.SyntaxErrorsGroup}/" : $"{entry.Name} does not parse: {result.Errors}");
            if (result.Zast != System.IO.File.ReadAllText(entry.ArchivePath)) stale.Add(entry.Name);
            if (entry.ErrorsPath is not null && result.Errors != System.IO.File.ReadAllText(entry.ErrorsPath)) stale.Add(entry.Name + " (errors)");
        }
        Assert.True(stale.Count == 0, $"archives differ from the oracle (run corpus/go-ast-coverage/regenerate.sh): {string.Join(", ", stale)}");
    }

    [GoFact]
    public void SourcesAreGofmtFormattedAndPassGoVet()
    {
        // The _syntax_errors files cannot be formatted; the go command skips them itself
        // because their directory starts with an underscore.
        var gofmt = Path.Combine(GoOracle.Get().GoRoot, "bin", "gofmt");
        var unformatted = Run(gofmt, ["-l", .. CoverageCorpus.ValidEntries.Select(entry => entry.Name)]);
        Assert.True(unformatted.ExitCode == 0 && unformatted.Output.Trim().Length == 0, "not gofmt-formatted: " + unformatted.Output);
        var vet = Run("go", ["vet", "./..."]);
        Assert.True(vet.ExitCode == 0, "go vet: " + vet.Output);
    }

    [Fact]
    public void CorpusCoversEveryNodeTypeAndFieldState()
    {
        var coverage = Collect();
        Assert.True(coverage.Missing().Count == 0, "not exercised by the corpus: " + string.Join(", ", coverage.Missing()));
        Assert.True(coverage.WronglyUnreachable().Count == 0, "listed as unreachable but exercised: " + string.Join(", ", coverage.WronglyUnreachable()));
    }

    [Theory]
    [InlineData("BadExpr")]
    [InlineData("BadStmt")]
    [InlineData("BadDecl")]
    public void BadNodesComeOnlyFromTheSyntaxErrorFiles(string node)
    {
        // Required coverage, so the Missing check above already fails without them; this also
        // keeps them out of the valid corpus, where one would mean go/parser rejected a file.
        var files = Collect().FilesWith(node);
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.StartsWith(CoverageCorpus.SyntaxErrorsGroup + "/", file, StringComparison.Ordinal));
    }

    [Fact]
    public void CoverageReportIsCurrent()
    {
        var report = CoverageReport.ToMarkdown(Collect(), CoverageCorpus.Entries.Count, CoverageCorpus.Entries.Count(entry => entry.HasSyntaxErrors));
        if (Environment.GetEnvironmentVariable("ZAST_UPDATE_COVERAGE") == "1") System.IO.File.WriteAllText(CoverageReportPath, report);
        var current = System.IO.File.Exists(CoverageReportPath) ? System.IO.File.ReadAllText(CoverageReportPath) : "";
        Assert.True(report == current, "COVERAGE.md is stale: run the Zylisp.Zast tests with ZAST_UPDATE_COVERAGE=1");
    }

    [Fact]
    public void FormatDocumentListsEveryNodeTypeAsTheSchemaDefinesIt()
    {
        var document = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "zast-format.md"));
        var missing = ZastSchema.Nodes.Select(SchemaText.Describe).Where(line => !document.Contains(line, StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "docs/zast-format.md's node reference is out of date:\n" + string.Join("\n", missing));
    }

    private static CoverageCollector Collect()
    {
        var coverage = new CoverageCollector();
        foreach (var entry in CoverageCorpus.Entries)
        {
            var built = ZastBuilder.BuildProgram(System.IO.File.ReadAllText(entry.ArchivePath), entry.Name);
            Assert.True(built.Success, $"{entry.Name}: {string.Join("\n", built.Diagnostics.Take(3))}");
            coverage.Add(built.Value!, entry.Name);
        }
        return coverage;
    }

    private static (int ExitCode, string Output) Run(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryPaths.CorpusSources,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["GOTOOLCHAIN"] = "local";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
