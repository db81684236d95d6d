namespace Zylisp.Conformance.Tests;

/// <summary>Finds the repository checkout the tests were built from.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The directory holding Zylisp.slnx, found by walking up from the test binaries.</summary>
    public static string Path => Root.Value;

    /// <summary>tests/programs, the example-program corpus.</summary>
    public static string ProgramsDirectory => System.IO.Path.Combine(Path, "tests", "programs");

    private static string Locate()
    {
        // The test binaries live somewhere under the checkout (bin/Debug/net10.0 by default, or an
        // artifacts folder), so walking up is independent of the build layout and working directory.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Zylisp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Zylisp.slnx) above " + AppContext.BaseDirectory);
    }
}
