namespace Zylisp.Zast.Tests.Oracle;

/// <summary>Locates the repository (the directory holding Zylisp.slnx) from the test binaries.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Corpus => Path.Combine(Root, "corpus", "go-ast-coverage");

    public static string CorpusSources => Path.Combine(Corpus, "source");

    public static string CorpusArchives => Path.Combine(Corpus, "ast_archives");

    public static string OracleSources => Path.Combine(Corpus, "tools");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Zylisp.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Zylisp.slnx not found above " + AppContext.BaseDirectory);
    }
}
