using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// The native commands that skip the command-line parser (CommandLine/NativeFastPath.cs) behave as
/// the parser's would: a build from a file or an expression, and a run on the native engine with
/// every later word as an argument.
/// </summary>
public sealed class NativeCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("zylisp-native-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [NativeFact]
    public async Task A_plain_native_build_of_a_file_writes_an_executable_that_prints_what_run_prints()
    {
        var source = Path.Combine(folder, "args.zl");
        File.WriteAllText(source, "(defn -main [& args] (println \"got\" (count args) (first args)) 3)\n");
        var output = Path.Combine(folder, "args");

        var build = await CliProcess.RunAsync("build", "-o", output, source, "--target", "native");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await Run(output, "--flag", "x");

        Assert.Equal((3, "got 2 --flag\n"), run);
        var engine = await CliProcess.RunAsync("run", "--engine", "native", source, "--flag", "x");
        Assert.Equal((3, "got 2 --flag\n"), (engine.ExitCode, engine.Stdout));
    }

    [NativeFact]
    public async Task A_native_build_of_an_expression_exits_with_its_value()
    {
        var output = Path.Combine(folder, "expr");

        var build = await CliProcess.RunAsync("build", "--target", "native", "-e", "(+ 2 (* 3 4))", "-o", output);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(14, (await Run(output)).ExitCode);
    }

    [NativeFact]
    public async Task A_native_build_keeps_the_library_forms_in_the_cache_and_no_cache_leaves_them_alone()
    {
        var source = Path.Combine(folder, "sorted.zl");
        File.WriteAllText(source, "(defn -main [] (prn (sort [3 1 2]) (reverse [1 2])))\n");
        var cache = Path.Combine(folder, "cache");
        var environment = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache };
        var index = Path.Combine(cache, "zylisp", "native-library");

        var bypassed = await CliProcess.RunAsync(["build", "--target", "native", source, "-o", Path.Combine(folder, "a"), "--no-cache"], environment: environment);
        Assert.False(Directory.Exists(index));
        var parsed = await CliProcess.RunAsync(["build", "--target", "native", source, "-o", Path.Combine(folder, "b"), "--no-cache", "--terse"], environment: environment);
        Assert.False(Directory.Exists(index));

        var first = await CliProcess.RunAsync(["build", "--target", "native", source, "-o", Path.Combine(folder, "c")], environment: environment);
        var files = Directory.GetFiles(index).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([".library"], files.Select(Path.GetExtension));
        foreach (var file in files)
        {
            File.WriteAllText(file, "damaged");
        }

        var damaged = await CliProcess.RunAsync(["build", "--target", "native", source, "-o", Path.Combine(folder, "d")], environment: environment);
        Assert.StartsWith("zylisp native library forms", File.ReadAllText(files[0]), StringComparison.Ordinal);
        var hit = await CliProcess.RunAsync(["build", "--target", "native", source, "-o", Path.Combine(folder, "e")], environment: environment);

        foreach (var (result, name) in new[] { (bypassed, "a"), (parsed, "b"), (first, "c"), (damaged, "d"), (hit, "e") })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal((0, "(1 2 3) (2 1)\n"), await Run(Path.Combine(folder, name)));
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "a")), File.ReadAllBytes(Path.Combine(folder, name)));
        }
    }

    [NativeFact]
    public async Task A_native_build_of_a_missing_file_says_so_as_the_parser_path_does()
    {
        var build = await CliProcess.RunAsync("build", "--target", "native", Path.Combine(folder, "none.zl"), "-o", Path.Combine(folder, "none"));

        Assert.Equal(2, build.ExitCode);
        Assert.Contains("zylisp build: cannot read", build.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout)> Run(string executable, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout);
    }
}
