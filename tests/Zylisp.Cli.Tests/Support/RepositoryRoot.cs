namespace Zylisp.Cli.Tests.Support;

/// <summary>The checkout this test assembly was built from (the folder holding Zylisp.slnx).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string ProgramsDirectory => System.IO.Path.Combine(Path, "tests", "programs");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Zylisp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Zylisp.slnx above {AppContext.BaseDirectory}");
    }
}
