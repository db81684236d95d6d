namespace Zylisp.Tooling.Tests;

/// <summary>The checkout the tests were built from, and its Zylisp sources.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    /// <summary>Every .zl and .slisp file of the program corpus, the bad-input files and the prelude, relative to the root.</summary>
    public static IEnumerable<string> ZylispSources() =>
        new[] { "tests/programs", "tests/bad" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(Root, dir), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".zl", StringComparison.Ordinal) || f.EndsWith(".slisp", StringComparison.Ordinal))
            .Append(Path.Combine(Root, "src", "Zylisp.Lang", "Prelude", "prelude.zl"))
            .Select(f => Path.GetRelativePath(Root, f))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> ZylispSourceData()
    {
        var data = new TheoryData<string>();
        foreach (var file in ZylispSources())
        {
            data.Add(file);
        }

        return data;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zylisp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Zylisp.slnx) above " + AppContext.BaseDirectory);
    }
}
