using System.Reflection;
using System.Runtime.InteropServices;

namespace Zylisp.Cli;

/// <summary>What `zylisp version` reports: the package version, the commit it was built from and the runtime.</summary>
internal sealed record VersionInfo(string Version, string Commit, string Runtime)
{
    /// <summary>
    /// A file next to the assembly naming the checkout's current commit. The <c>./zylisp</c> script
    /// rewrites it when HEAD moved but no source did, so the build it did not redo still reports
    /// the commit it was run from; it wins over the commit embedded at build time.
    /// </summary>
    public const string CommitFileName = "zylisp.commit";

    public static VersionInfo Current { get; } = Read(typeof(VersionInfo).Assembly, AppContext.BaseDirectory);

    public static VersionInfo Read(Assembly assembly, string folder)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        // The build embeds the commit as assembly metadata (see Zylisp.Cli.csproj, target ZylispEmbedCommit).
        var commit = CommitFile(folder) ?? assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ZylispCommit")?.Value;
        return new VersionInfo(version, string.IsNullOrWhiteSpace(commit) ? "unknown" : commit,
            $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
    }

    public string Describe() => $"zylisp {Version} (commit {Commit})\n{Runtime}";

    private static string? CommitFile(string folder)
    {
        try
        {
            var path = Path.Combine(folder, CommitFileName);
            var commit = File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
            // Only a plausible abbreviated hash is taken; anything else falls back to the embedded commit.
            return commit is { Length: >= 4 and <= 40 } && commit.All(char.IsAsciiHexDigitLower) ? commit : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
