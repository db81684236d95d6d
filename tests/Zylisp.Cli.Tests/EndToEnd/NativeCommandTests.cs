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
