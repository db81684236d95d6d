using System.Diagnostics;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// <c>zylisp build --target dotnet FILE -o OUT</c> writes a program that runs as <c>zylisp run FILE</c>
/// does, eval included; and <c>zylisp run</c>'s on-disk code cache under <c>$XDG_CACHE_HOME/zylisp</c>
/// (<c>--no-cache</c> bypasses it).
/// </summary>
public class DotnetTargetTests
{
    private const string Program = """
        (defn greet [who] (str "hello, " who))
        (defn -main [& args]
          (println (greet (first args)) (eval '(* 6 7)))
          (count args))
        """;

    private readonly ScratchFiles _files = new();

    [Fact]
    public async Task A_built_program_gives_the_stdout_and_exit_status_of_zylisp_run()
    {
        var source = _files.Write("greet.zl", Program);
        var output = Path.Combine(_files.Folder, "out", "greet");

        var build = await CliProcess.RunAsync("build", "--target", "dotnet", source, "-o", output);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(output + ".dll") && File.Exists(output + ".pdb") && File.Exists(output + ".runtimeconfig.json"));

        var built = await RunBuilt(output, "world", "x");
        var run = await CliProcess.RunAsync("run", source, "world", "x");
        Assert.Equal("hello, world 42\n", run.Stdout);
        Assert.Equal(run.Stdout, built.Stdout);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(run.ExitCode, built.ExitCode);
    }

    [Fact]
    public async Task A_file_with_a_compile_error_is_not_built()
    {
        var source = _files.Write("bad.zl", "(defn f [x] (recur x x))\n");
        var output = Path.Combine(_files.Folder, "bad");

        var build = await CliProcess.RunAsync("build", "--target", "dotnet", source, "-o", output);

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains("ZL", build.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task The_second_run_uses_the_cache_and_no_cache_bypasses_it()
    {
        var source = _files.Write("cached.zl", Program);
        var cache = Path.Combine(_files.Folder, "cache");
        var environment = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache };

        var bypassed = await CliProcess.RunAsync(["run", "--engine", "il", "--no-cache", source, "a"], environment: environment);
        Assert.False(Directory.Exists(Path.Combine(cache, "zylisp")));

        var first = await CliProcess.RunAsync(["run", "--engine", "il", source, "a"], environment: environment);
        var entries = Directory.GetFiles(Path.Combine(cache, "zylisp"));
        Assert.Single(entries);
        var written = File.GetLastWriteTimeUtc(entries[0]);

        var second = await CliProcess.RunAsync(["run", "--engine", "il", source, "a"], environment: environment);
        Assert.Equal(written, File.GetLastWriteTimeUtc(entries[0])); // read, not rewritten
        File.WriteAllText(entries[0], "damaged");
        var damaged = await CliProcess.RunAsync(["run", "--engine", "il", source, "a"], environment: environment);

        foreach (var result in new[] { bypassed, first, second, damaged })
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal("hello, a 42\n", result.Stdout);
        }
    }

    private static async Task<CliResult> RunBuilt(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The launcher runs `dotnet` from PATH: the one running these tests.
        start.Environment["PATH"] = Path.GetDirectoryName(CliProcess.DotnetPath) + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
