using Zylisp.Zast.Tests.Oracle;

namespace Zylisp.Zast.Tests.Corpus;

/// <summary>The go-ast-coverage corpus: each source file and its checked-in oracle archive.</summary>
public static class CoverageCorpus
{
    /// <summary>One corpus file: its name as recorded in the FileSet (relative to source/), and full paths.</summary>
    public sealed record Entry(string Name, string SourcePath, string ArchivePath);

    public static IReadOnlyList<Entry> Entries { get; } = Load();

    /// <summary>Entry names, for [MemberData] theories.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries) data.Add(entry.Name);
        return data;
    }

    public static Entry Get(string name) => Entries.Single(entry => entry.Name == name);

    /// <summary>Where the archive of <paramref name="name"/> (<c>basics/hello_world.go</c>) lives:
    /// ast_archives/basics/hello_world.go.zast, the path zast-oracle -o writes.</summary>
    public static string ArchivePathFor(string name) =>
        Path.Combine(RepositoryPaths.CorpusArchives, (name + ".zast").Replace('/', Path.DirectorySeparatorChar));

    private static Entry[] Load() =>
        Directory.GetFiles(RepositoryPaths.CorpusSources, "*.go", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.CorpusSources, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(name => new Entry(name, Path.Combine(RepositoryPaths.CorpusSources, name), ArchivePathFor(name)))
            .ToArray();
}
