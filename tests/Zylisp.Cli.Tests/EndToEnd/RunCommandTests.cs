using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

public class RunCommandTests
{
    private readonly ScratchFiles _files = new();

    [Fact]
    public async Task Run_prints_what_the_program_prints_and_exits_0()
    {
        var hello = _files.Write("hello.zl", "(println \"hello\")\n");

        var result = await CliProcess.RunAsync("run", hello);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task The_exit_status_is_the_integer_that_main_returns()
    {
        var program = _files.Write("exit42.zl", "(defn -main [] 42)\n");

        var result = await CliProcess.RunAsync("run", program);

        Assert.True(result.ExitCode == 42, result.ToString());
    }

    [Fact]
    public async Task A_main_returning_a_non_integer_exits_0()
    {
        var program = _files.Write("str.zl", "(defn -main [] \"done\")\n");

        var result = await CliProcess.RunAsync("run", program);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Arguments_after_the_file_reach_main_and_command_line_args_even_when_they_look_like_options()
    {
        var program = _files.Write("args.zl",
            "(defn -main [& args] (prn args) (prn *command-line-args*) (count args))\n");

        var result = await CliProcess.RunAsync("run", program, "a", "--verbose", "-x");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("(\"a\" \"--verbose\" \"-x\")\n", result.Stdout.Split('\n')[0] + "\n");
        Assert.Contains("\"--verbose\"", result.Stdout.Split('\n')[1]);
    }

    [Fact]
    public async Task Options_before_the_file_are_the_commands_own()
    {
        var program = _files.Write("opt.zl", "(defn -main [& args] (+ 10 (count args)))\n");

        var result = await CliProcess.RunAsync("run", "--verbose", program, "x");

        Assert.True(result.ExitCode == 11, result.ToString());
    }

    [Fact]
    public async Task A_run_time_error_exits_1_with_a_located_diagnostic()
    {
        var program = _files.Write("boom.zl", "(println \"before\")\n(defn -main [] (/ 1 0))\n");

        var result = await CliProcess.RunAsync("run", program);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("before\n", result.Stdout);
        Assert.Contains($"{program}:2:", result.Stderr);
        Assert.Contains(": error: ", result.Stderr);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("run", Path.Combine(_files.Folder, "missing.zl"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.zl", result.Stderr);
        Assert.Contains("no such file", result.Stderr);
    }

    [Fact]
    public async Task A_file_as_the_first_argument_runs_it()
    {
        var program = _files.Write("direct.zl", "(defn -main [& args] (println (first args)) 5)\n");

        var result = await CliProcess.RunAsync(program, "hi");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal("hi\n", result.Stdout);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_shebang_script_runs_directly_through_zylisp_on_the_PATH()
    {
        var bin = Path.Combine(_files.Folder, "bin");
        Directory.CreateDirectory(bin);
        var launcher = Path.Combine(bin, "zylisp");
        File.WriteAllText(launcher, $"#!/bin/sh\nexec '{CliProcess.DotnetPath}' '{CliProcess.DllPath}' \"$@\"\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = _files.Write("greet", "#!/usr/bin/env zylisp\n(defn -main [name] (println (str \"hello, \" name)) 7)\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new System.Diagnostics.ProcessStartInfo(script, ["world"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        CliProcess.Isolate(start.Environment);
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 7, stdout + stderr);
        Assert.Equal("hello, world\n", stdout);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Output_and_errors_sent_to_one_file_keep_their_order()
    {
        // `> log 2>&1`: both streams share one descriptor offset, so nothing may overwrite anything.
        var program = _files.Write("mixed.zl", "(println \"first\")\n(println \"second\")\n(defn -main [] (/ 1 0))\n");
        var log = Path.Combine(_files.Folder, "mixed.log");

        var exitCode = await RunThroughShell($"'{CliProcess.DotnetPath}' '{CliProcess.DllPath}' run '{program}' > '{log}' 2>&1");

        var text = File.ReadAllText(log);
        Assert.True(exitCode == 1, text);
        Assert.StartsWith("first\nsecond\n", text, StringComparison.Ordinal);
        Assert.Contains($"{program}:3:", text);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_reader_that_stops_early_is_not_an_error()
    {
        // `zylisp run x | head -1`: the rest of the output is dropped quietly, as by any Unix tool.
        var program = _files.Write("lots.zl", "(dotimes [i 20000] (println \"line\" i))\n(defn -main [] 3)\n");
        var errors = Path.Combine(_files.Folder, "lots.err");

        var exitCode = await RunThroughShell(
            $"'{CliProcess.DotnetPath}' '{CliProcess.DllPath}' run '{program}' 2> '{errors}' | head -1 > /dev/null; exit ${{PIPESTATUS[0]}}");

        var stderr = File.ReadAllText(errors);
        Assert.True(exitCode == 3, stderr);
        Assert.Equal("", stderr);
    }

    private static async Task<int> RunThroughShell(string command)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false };
        CliProcess.Isolate(start.Environment);
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync().WaitAsync(CliProcess.DefaultTimeout);
        return process.ExitCode;
    }
}
