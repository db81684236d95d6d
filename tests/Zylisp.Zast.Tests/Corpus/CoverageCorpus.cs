using Zylisp.Zast.Tests.Oracle;

namespace Zylisp.Zast.Tests.Corpus;

/// <summary>The go-ast-coverage corpus: each source file and its checked-in oracle archive.</summary>
public static class CoverageCorpus
{
    /// <summary>
    /// The group (directory under source/) of deliberately broken Go: go/parser's partial trees
    /// there hold the Bad* nodes. The leading underscore makes the go command skip it, and the
    /// tests keep it away from gofmt, go vet and the printer round trip.
    /// </summary>
    public const string SyntaxErrorsGroup = "_syntax_errors";

    /// <summary>
    /// One corpus file: its name as recorded in the FileSet (relative to source/), and full paths.
    /// <paramref name="ErrorsPath"/> is the oracle's error list (NAME.go.err beside the archive)
    /// for files in <see cref="SyntaxErrorsGroup"/>, and null for valid Go.
    /// </summary>
    public sealed record Entry(string Name, string SourcePath, string ArchivePath, string? ErrorsPath)
    {
        public bool HasSyntaxErrors => ErrorsPath is not null;
    }

    public static IReadOnlyList<Entry> Entries { get; } = Load();

    /// <summary>The entries that are valid Go: gofmt-formatted, vetted, and printable back to their bytes.</summary>
    public static IReadOnlyList<Entry> ValidEntries { get; } = Entries.Where(entry => !entry.HasSyntaxErrors).ToArray();

    /// <summary>Entry names, for [MemberData] theories.</summary>
    public static TheoryData<string> Names() => NamesOf(Entries);

    /// <summary>Names of the valid-Go entries, for theories that need source go/parser accepts.</summary>
    public static TheoryData<string> ValidNames() => NamesOf(ValidEntries);

    public static Entry Get(string name) => Entries.Single(entry => entry.Name == name);

    /// <summary>Where the archive of <paramref name="name"/> (<c>basics/hello_world.go</c>) lives:
    /// ast_archives/basics/hello_world.go.zast, the path zast-oracle -o writes.</summary>
    public static string ArchivePathFor(string name) => ArchiveStem(name) + ".zast";

    private static string ArchiveStem(string name) =>
        Path.Combine(RepositoryPaths.CorpusArchives, name.Replace('/', Path.DirectorySeparatorChar));

    private static TheoryData<string> NamesOf(IEnumerable<Entry> entries)
    {
        var data = new TheoryData<string>();
        foreach (var entry in entries) data.Add(entry.Name);
        return data;
    }

    private static Entry[] Load() =>
        Directory.GetFiles(RepositoryPaths.CorpusSources, "*.go", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.CorpusSources, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(name => new Entry(
                name,
                Path.Combine(RepositoryPaths.CorpusSources, name),
                ArchivePathFor(name),
                name.StartsWith(SyntaxErrorsGroup + "/", StringComparison.Ordinal) ? ArchiveStem(name) + ".err" : null))
            .ToArray();
}
