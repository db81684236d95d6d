using System.Runtime.InteropServices;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>Multi-file programs from the command line (issue 13): --path, ZYLISP_PATH, builds, and the namespace in the prompt.</summary>
public class ModuleCommandTests
{
    private const string Main = "(ns app.main (:require [lib.greet :as g]))\n(defn -main [] (println (g/hello \"modules\")) 4)\n";
    private const string Library = "(ns lib.greet)\n(defn- punctuate [s] (str s \"!\"))\n(defn hello [who] (punctuate (str \"hello, \" who)))\n";

    /// <summary>app/main.zl in one folder, lib/greet.zl in another that only --path or ZYLISP_PATH names.</summary>
    private static (string MainFile, string LibraryRoot) Program()
    {
        var scratch = new ScratchFiles();
        Directory.CreateDirectory(Path.Combine(scratch.Folder, "src", "app"));
        Directory.CreateDirectory(Path.Combine(scratch.Folder, "vendor", "lib"));
        var main = scratch.Write(Path.Combine("src", "app", "main.zl"), Main);
        scratch.Write(Path.Combine("vendor", "lib", "greet.zl"), Library);
        return (main, Path.Combine(scratch.Folder, "vendor"));
    }

    [Fact]
    public async Task Path_option_adds_a_source_root()
    {
        var (main, vendor) = Program();
        var result = await CliProcess.RunAsync("run", "--path", vendor, main);
        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal("hello, modules!\n", result.Stdout);
    }

    [Fact]
    public async Task Zylisp_path_adds_source_roots_and_a_missing_root_is_a_located_error()
    {
        var (main, vendor) = Program();
        var found = await CliProcess.RunAsync(["run", main], environment: new Dictionary<string, string?> { ["ZYLISP_PATH"] = "/nonexistent" + Path.PathSeparator + vendor });
        Assert.Equal("hello, modules!\n", found.Stdout);

        var missing = await CliProcess.RunAsync("run", main);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("main.zl:1:24: error: cannot find namespace `lib.greet`", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("ZL3103", missing.Stderr, StringComparison.Ordinal);
    }

    [NativeFact]
    public async Task Build_for_native_compiles_every_required_file()
    {
        var (main, vendor) = Program();
        var output = Path.Combine(Path.GetDirectoryName(main)!, "greet-native");
        var build = await CliProcess.RunAsync("build", "--path", vendor, "--target", "native", main, "-o", output);
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await RunBuilt(output);
        Assert.Equal((4, "hello, modules!\n"), (run.ExitCode, run.Stdout));
    }

    [GoFact]
    public async Task Build_for_go_compiles_every_required_file()
    {
        var (main, vendor) = Program();
        var output = Path.Combine(Path.GetDirectoryName(main)!, "greet-go");
        var build = await CliProcess.RunAsync(["build", "--path", vendor, "--target", "go", main, "-o", output], timeout: TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await RunBuilt(output);
        Assert.Equal((4, "hello, modules!\n"), (run.ExitCode, run.Stdout));
    }

    private static async Task<(int ExitCode, string Stdout)> RunBuilt(string executable)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout);
    }

    [Fact]
    public void The_prompt_shows_the_current_namespace_with_a_continuation_of_the_same_width()
    {
        var shown = new StringWriter();
        var input = new PlainInput(new StringReader("1\n2\n"), shown, showPrompts: true, currentNamespace: () => "app.core");
        input.ReadLine(continuing: false, CancellationToken.None);
        input.ReadLine(continuing: true, CancellationToken.None);
        Assert.Equal("app.core=> " + "      #_=> ", shown.ToString());
        Assert.Equal(Prompts.PrimaryFor("app.core").Length, Prompts.ContinuationFor("app.core").Length);
        Assert.Equal(Prompts.Primary, Prompts.PrimaryFor("user"));
        Assert.Equal(Prompts.Continuation, Prompts.ContinuationFor("user"));
    }

    [Fact]
    public async Task The_repl_switches_namespace_with_ns_and_in_ns()
    {
        var result = await CliProcess.RunAsync(["repl"], stdin: "(ns scratch.pad)\n(defn f [] 1)\n*ns*\n(in-ns 'user)\n(scratch.pad/f)\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("nil\n#<fn f>\nscratch.pad\nnil\n1\n", result.Stdout);
    }
}

/// <summary>A test that builds a native executable; skipped, saying why, off Linux x86-64.</summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (!(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64))
        {
            Skip = "native executables are Linux x86-64 binaries";
        }
    }
}

/// <summary>A test that runs go build; skipped, saying why, where go is not installed.</summary>
public sealed class GoFactAttribute : FactAttribute
{
    public GoFactAttribute()
    {
        if (Compiler.Go.GoToolchain.GoPath is null)
        {
            Skip = "go is not installed (apt-get install golang-go; .ci/run installs it)";
        }
    }
}
