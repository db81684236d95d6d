using System.Reflection;
using System.Runtime.InteropServices;

namespace Zylisp.Cli;

/// <summary>What `zylisp version` reports: the package version, the commit it was built from and the runtime.</summary>
internal sealed record VersionInfo(string Version, string Commit, string Runtime)
{
    public static VersionInfo Current { get; } = Read(typeof(VersionInfo).Assembly);

    private static VersionInfo Read(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        // The build embeds the commit as assembly metadata (see Zylisp.Cli.csproj, target ZylispEmbedCommit).
        var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ZylispCommit")?.Value;
        return new VersionInfo(version, string.IsNullOrWhiteSpace(commit) ? "unknown" : commit,
            $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
    }

    public string Describe() => $"zylisp {Version} (commit {Commit})\n{Runtime}";
}
