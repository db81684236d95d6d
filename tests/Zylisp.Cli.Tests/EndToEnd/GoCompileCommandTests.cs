using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 11's command-line promises for <c>zylisp compile</c> / <c>zylisp build --target go</c>:
/// OUT named after the file, located compile errors, a missing toolchain in one line, the module
/// kept when go build fails, and the zast intermediate turning back into the same Go.
/// </summary>
public sealed class GoCompileCommandTests
{
    private static string Folder() => Directory.CreateTempSubdirectory("zylisp-go-cli").FullName;

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [GoFact]
    public async Task Compile_without_o_names_the_executable_after_the_file()
    {
        var folder = Folder();
        Write(folder, "hello.zl", "(defn -main [& args] (println \"hi\" (count args)) 3)\n");

        var compile = await CliProcess.RunAsync(["compile", "hello.zl"], workingDirectory: folder, timeout: TimeSpan.FromMinutes(5));

        Assert.True(compile.ExitCode == 0, compile.ToString());
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(folder, "hello"), ["a", "b"]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        Assert.Equal("hi 2\n", await process.StandardOutput.ReadToEndAsync());
        await process.WaitForExitAsync();
        Assert.Equal(3, process.ExitCode);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_compile_error_is_reported_at_file_line_col_and_exits_1()
    {
        var folder = Folder();
        var file = Write(folder, "bad.zl", "(defn -main []\n  (println [1 2)))\n");

        var compile = await CliProcess.RunAsync(["compile", file, "-o", Path.Combine(folder, "bad")], environment: new Dictionary<string, string?> { ["ZYLISP_GO"] = "/bin/true" });

        Assert.Equal(1, compile.ExitCode);
        Assert.Contains("bad.zl:2:16: error", compile.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "bad")));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_missing_go_toolchain_is_one_clear_line()
    {
        var folder = Folder();
        var file = Write(folder, "ok.zl", "(defn -main [] 0)\n");

        var compile = await CliProcess.RunAsync(["compile", file, "-o", Path.Combine(folder, "ok")], environment: new Dictionary<string, string?> { ["ZYLISP_GO"] = "/nonexistent/go" });

        Assert.Equal(1, compile.ExitCode);
        var lines = compile.Stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains("ZL4605", lines[0], StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A go build failure is a Zylisp bug: the module stays on disk, its path printed, so it can be read and rebuilt.</summary>
    [Fact]
    public async Task A_failing_go_build_keeps_the_generated_module_and_prints_its_path()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the stand-in go below is a shell script
        }

        var folder = Folder();
        var file = Write(folder, "ok.zl", "(defn -main [] 0)\n");
        var fakeGo = Write(folder, "go", "#!/bin/sh\necho './main.go:1:1: the toolchain refused this module'\nexit 2\n");
        File.SetUnixFileMode(fakeGo, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var compile = await CliProcess.RunAsync(["compile", file, "-o", Path.Combine(folder, "ok")], environment: new Dictionary<string, string?> { ["ZYLISP_GO"] = fakeGo });

        Assert.Equal(1, compile.ExitCode);
        Assert.Contains("the toolchain refused this module", compile.Stderr, StringComparison.Ordinal);
        var kept = System.Text.RegularExpressions.Regex.Match(compile.Stderr, @"(/\S*zylisp-go-\w+)");
        Assert.True(kept.Success, compile.Stderr);
        var module = kept.Groups[1].Value.TrimEnd('.', ',', ')', ':');
        Assert.True(File.Exists(Path.Combine(module, "main.go")), compile.Stderr);
        Assert.True(File.Exists(Path.Combine(module, "go.mod")));
        Assert.True(File.Exists(Path.Combine(module, "rt", "value.go")), "the kept module has its own copy of the runtime");
        Assert.False(new FileInfo(Path.Combine(module, "rt")).LinkTarget is not null, "rt is a real folder, not a link into the cache");
        Directory.Delete(module, recursive: true);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Emit_zast_turns_back_into_the_emitted_go_byte_for_byte()
    {
        var folder = Folder();
        var file = Write(folder, "fib.zl", "(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\n(defn -main [] (println (fib 20)))\n");

        var zast = await CliProcess.RunAsync("compile", file, "--emit", "zast", "-o", Path.Combine(folder, "fib.zast"));
        var go = await CliProcess.RunAsync("compile", file, "--emit", "go", "-o", Path.Combine(folder, "module"));
        var back = await CliProcess.RunAsync("zast", "to-go", Path.Combine(folder, "fib.zast"));

        Assert.True(zast.ExitCode == 0 && go.ExitCode == 0 && back.ExitCode == 0, zast.ToString() + go + back);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "module", "main.go")), back.Stdout);
        Directory.Delete(folder, recursive: true);
    }
}
