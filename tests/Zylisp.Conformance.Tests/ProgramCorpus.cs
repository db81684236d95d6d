namespace Zylisp.Conformance.Tests;

/// <summary>Enumerates the programs of tests/programs.</summary>
public static class ProgramCorpus
{
    /// <summary>Every program source file, as paths relative to tests/programs with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> RelativePaths() =>
        Directory.EnumerateFiles(RepositoryRoot.ProgramsDirectory, "*", SearchOption.AllDirectories)
            .Where(path => ProgramCase.SourceExtensions.Contains(Path.GetExtension(path), StringComparer.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryRoot.ProgramsDirectory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
