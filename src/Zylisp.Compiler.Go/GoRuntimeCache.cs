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
/// </summary>
public static class GoRuntimeCache
{
    /// <summary>
    /// The cached runtime folder for <paramref name="runtimeFiles"/> (paths starting <c>rt/</c>),
    /// created if missing; null when there is no cache location or it cannot be written.
    /// </summary>
    public static string? Ensure(IReadOnlyList<GoModuleFile> runtimeFiles, string? cacheRoot = null)
    {
        ArgumentNullException.ThrowIfNull(runtimeFiles);
        cacheRoot ??= DefaultRoot();
        if (cacheRoot is null)
        {
            return null;
        }

        var folder = Path.Combine(cacheRoot, "go-rt", Hash(runtimeFiles));
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var staging = folder + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in runtimeFiles)
            {
                File.WriteAllText(Path.Combine(staging, Path.GetFileName(file.Path)), file.Text);
            }

            Directory.Move(staging, folder);
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
    public static bool TryLink(string module, IReadOnlyList<GoModuleFile> runtimeFiles, string? cacheRoot = null)
    {
        if (Ensure(runtimeFiles, cacheRoot) is not { } folder)
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

    /// <summary>The hash that names a runtime's folder: SHA-256 over each file's name and text.</summary>
    public static string Hash(IReadOnlyList<GoModuleFile> runtimeFiles)
    {
        ArgumentNullException.ThrowIfNull(runtimeFiles);
        var text = new StringBuilder();
        foreach (var file in runtimeFiles)
        {
            text.Append(file.Path).Append('\0').Append(file.Text.Length).Append('\0').Append(file.Text);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
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
