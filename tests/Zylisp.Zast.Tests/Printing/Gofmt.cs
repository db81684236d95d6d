using System.Diagnostics;
using Zylisp.Zast.Tests.Oracle;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>Runs the installed gofmt (next to the Go toolchain the oracle uses). Guard callers with <see cref="GoFactAttribute"/>.</summary>
internal static class Gofmt
{
    private static string Binary => Path.Combine(GoOracle.Get().GoRoot, "bin", OperatingSystem.IsWindows() ? "gofmt.exe" : "gofmt");

    /// <summary>The files among <paramref name="paths"/> that gofmt would change (<c>gofmt -l</c>).</summary>
    public static IReadOnlyList<string> Unformatted(IEnumerable<string> paths) =>
        Run(["-l", .. paths]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>gofmt's diff for <paramref name="path"/> (<c>gofmt -d</c>), for failure messages.</summary>
    public static string Diff(string path) => Run(["-d", path]);

    private static string Run(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start gofmt");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return stdout.Result + stderr.Result;
    }
}
