using System.Diagnostics;
using System.Globalization;

namespace Zylisp.Cli.Tests.Support;

/// <summary>
/// Temporary folders standing in for $HOME and for scratch files. All of them live under one
/// folder per test process, removed when the process exits; a test host that is killed before it
/// can clean up leaves its folder behind, so the next run removes folders of dead processes.
/// </summary>
public static class TempHome
{
    private const string Prefix = "zylisp-cli-tests-";

    private static readonly Lazy<string> Root = new(CreateRoot);
    private static readonly Lazy<string> SharedHome = new(Create);

    /// <summary>A home shared by tests that never look at history.</summary>
    public static string Shared => SharedHome.Value;

    public static string Create()
    {
        var path = Path.Combine(Root.Value, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string CreateRoot()
    {
        RemoveLeftovers();
        var root = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var suffix = Path.GetFileName(folder)[Prefix.Length..];
            if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                TryDelete(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
