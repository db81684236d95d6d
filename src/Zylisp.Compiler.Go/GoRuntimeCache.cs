using System.Security.Cryptography;
using System.Text;

namespace Zylisp.Compiler.Go;

/// <summary>
/// The runtime package rt kept once on disk, in a folder named by a hash of its sources
/// (<c>$XDG_CACHE_HOME/zylisp/go-rt/HASH</c>, or <c>~/.cache/zylisp/go-rt/HASH</c>), so a build
/// links it into the temporary module instead of writing and deleting its files every time.
/// A changed runtime has another hash and so another folder. The folder is filled under a
/// private name and renamed into place, so concurrent builds never see half of it; when two
/// race, the loser's copy is dropped and both use the winner's (identical) files.
/// A build that uses a folder marks it used (its modification time); a build that creates one
/// prunes the folders of other runtimes unused for <see cref="UnusedFor"/> (each is about 190 KB,
/// and every changed runtime used to leave one behind).
/// </summary>
public static class GoRuntimeCache
{
    /// <summary>How long another runtime's folder may go unused before a new runtime's first build removes it.</summary>
    public static readonly TimeSpan UnusedFor = TimeSpan.FromDays(14);

    // A staging folder this old belongs to a build that died between writing and renaming.
    private static readonly TimeSpan StaleStaging = TimeSpan.FromHours(1);

    /// <summary>
    /// The cached runtime folder for <paramref name="runtimeFiles"/> (paths starting <c>rt/</c>),
    /// created if missing; null when there is no cache location or it cannot be written.
    /// </summary>
    public static string? Ensure(IReadOnlyList<GoModuleFile> runtimeFiles, string? cacheRoot = null)
    {
        ArgumentNullException.ThrowIfNull(runtimeFiles);
        return Ensure(Hash(runtimeFiles), () => runtimeFiles, cacheRoot);
    }

    /// <summary>
    /// The cached folder of the runtime embedded in this assembly. Its name was hashed at build
    /// time (<see cref="GoRuntimeHash"/>), so when the folder exists a compile reads none of the
    /// runtime's sources and loads no hash implementation.
    /// </summary>
    public static string? EnsureEmbedded(string? cacheRoot = null) =>
        Ensure(GoRuntimeHash.Value[..32], GoModule.RuntimeFiles, cacheRoot);

    private static string? Ensure(string hash, Func<IReadOnlyList<GoModuleFile>> runtimeFiles, string? cacheRoot)
    {
        cacheRoot ??= DefaultRoot();
        if (cacheRoot is null)
        {
            return null;
        }

        var folder = Path.Combine(cacheRoot, "go-rt", hash);
        if (Directory.Exists(folder))
        {
            MarkUsed(folder);
            return folder;
        }

        var staging = folder + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in runtimeFiles())
            {
                File.WriteAllText(Path.Combine(staging, Path.GetFileName(file.Path)), file.Text);
            }

            Directory.Move(staging, folder);
            Prune(Path.Combine(cacheRoot, "go-rt"), hash, DateTime.UtcNow);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            return Directory.Exists(folder) ? folder : null;
        }
    }

    /// <summary>
    /// Puts the runtime package into <paramref name="module"/> as a symbolic link <c>rt</c> to the
    /// cached folder; false (nothing done) when there is no cache or links cannot be made, and the
    /// caller writes the files instead.
    /// </summary>
    public static bool TryLink(string module, IReadOnlyList<GoModuleFile> runtimeFiles, string? cacheRoot = null) =>
        TryLink(module, Ensure(runtimeFiles, cacheRoot));

    /// <summary><see cref="TryLink(string, IReadOnlyList{GoModuleFile}, string?)"/> for the embedded runtime.</summary>
    public static bool TryLinkEmbedded(string module, string? cacheRoot = null) =>
        TryLink(module, EnsureEmbedded(cacheRoot));

    private static bool TryLink(string module, string? folder)
    {
        if (folder is null)
        {
            return false;
        }

        try
        {
            Directory.CreateSymbolicLink(Path.Combine(module, "rt"), folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The hash that names a runtime's folder: SHA-256 of the lines <c>PATH SHA256\n</c>, one per
    /// file in the given order (each file's SHA-256 over its UTF-8 text, upper-case hex as MSBuild's
    /// GetFileHash writes it), in lower-case hex cut to 32 digits.
    /// The build computes the same for the embedded runtime (GenerateGoRuntimeHash in the project file).
    /// </summary>
    public static string Hash(IReadOnlyList<GoModuleFile> runtimeFiles)
    {
        ArgumentNullException.ThrowIfNull(runtimeFiles);
        var lines = new StringBuilder();
        foreach (var file in runtimeFiles)
        {
            lines.Append(file.Path).Append(' ').Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(file.Text)))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())))[..32];
    }

    /// <summary><c>$XDG_CACHE_HOME/zylisp</c>, or <c>~/.cache/zylisp</c>; null when neither can be known.</summary>
    private static string? DefaultRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg))
        {
            return Path.Combine(xdg, "zylisp");
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "zylisp");
    }

    /// <summary>
    /// Removes, from <paramref name="goRt"/>, runtime folders other than <paramref name="keep"/> last
    /// used before <paramref name="now"/> minus <see cref="UnusedFor"/>, and staging folders left by
    /// builds that died. Only names this class makes (32 hex digits, or those plus <c>.tmp-…</c>) are
    /// touched. Best effort: a folder that cannot be removed stays.
    /// </summary>
    public static void Prune(string goRt, string keep, DateTime now)
    {
        string[] folders;
        try
        {
            folders = Directory.GetDirectories(goRt);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            if (name == keep || name.Length < 32 || !name[..32].All(char.IsAsciiHexDigitLower))
            {
                continue;
            }

            bool staging = name.Length > 32 && name[32..].StartsWith(".tmp-", StringComparison.Ordinal);
            if (name.Length > 32 && !staging)
            {
                continue;
            }

            DateTime used;
            try
            {
                used = Directory.GetLastWriteTimeUtc(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (now - used > (staging ? StaleStaging : UnusedFor))
            {
                TryDelete(folder);
            }
        }
    }

    /// <summary>Records that a build used the folder, so pruning keeps it (one utimensat call).</summary>
    private static void MarkUsed(string folder)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still works; its folders are just never pruned.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray staging folder is harmless: its name is never looked up again.
        }
    }
}
