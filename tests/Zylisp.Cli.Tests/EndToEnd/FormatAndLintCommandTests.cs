using System.Text.Json;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>Issue 14: `zylisp format` and `zylisp lint` as a user runs them.</summary>
public class FormatAndLintCommandTests
{
    private const string Messy = "(defn f [x]\n(+ x 1)\n)\n";
    private const string Tidy = "(defn f [x]\n  (+ x 1))\n";

    [Fact]
    public async Task Issue14_format_rewrites_files_in_place()
    {
        var scratch = new ScratchFiles();
        var messy = scratch.Write("messy.zl", Messy);
        var tidy = scratch.Write("tidy.zl", Tidy);

        var result = await CliProcess.RunAsync("format", messy, tidy);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Tidy, File.ReadAllText(messy));
        Assert.Equal(Tidy, File.ReadAllText(tidy));
    }

    [Fact]
    public async Task Issue14_format_check_lists_what_would_change_and_changes_nothing()
    {
        var scratch = new ScratchFiles();
        var messy = scratch.Write("messy.zl", Messy);
        var tidy = scratch.Write("tidy.zl", Tidy);

        var result = await CliProcess.RunAsync("format", "--check", messy, tidy);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(messy + "\n", result.Stdout);
        Assert.Equal(Messy, File.ReadAllText(messy));
        Assert.Equal(0, (await CliProcess.RunAsync("format", "--check", tidy)).ExitCode);
    }

    [Fact]
    public async Task Issue14_format_dash_reads_stdin_and_writes_stdout()
    {
        var result = await CliProcess.RunAsync(["format", "-"], stdin: Messy);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Tidy, result.Stdout);
    }

    [Fact]
    public async Task Issue14_format_leaves_a_file_with_read_errors_untouched_and_reports_them()
    {
        var scratch = new ScratchFiles();
        var broken = scratch.Write("broken.zl", "(defn f [x]\n  (+ x 1)\n");

        var result = await CliProcess.RunAsync("format", broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("(defn f [x]\n  (+ x 1)\n", File.ReadAllText(broken));
        Assert.Contains("broken.zl:1:1: error", result.Stderr);
        Assert.Contains("[ZL1002]", result.Stderr);
    }

    [Fact]
    public async Task Issue14_lint_reports_findings_in_the_compiler_format_and_exits_1()
    {
        var scratch = new ScratchFiles();
        var file = scratch.Write("style.zl", "(defn f [x y]\n  x)\n");

        var result = await CliProcess.RunAsync("lint", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("style.zl:1:12: warning: parameter `y` is never used [ZL6001]", result.Stderr);
        Assert.Contains(" 1 | (defn f [x y]", result.Stderr);
    }

    [Fact]
    public async Task Issue14_lint_json_writes_one_object_per_finding()
    {
        var scratch = new ScratchFiles();
        var file = scratch.Write("style.zl", "(defn f [x y]\n  (if x 1 nil))\n");

        var result = await CliProcess.RunAsync("lint", "--json", file);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("ZL6001", first.RootElement.GetProperty("id").GetString());
        Assert.Equal(1, first.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(12, first.RootElement.GetProperty("column").GetInt32());
        Assert.Equal("warning", first.RootElement.GetProperty("severity").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("ZL6006", second.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Issue14_lint_of_a_clean_file_exits_0_silently()
    {
        var scratch = new ScratchFiles();
        var file = scratch.Write("clean.zl", "(defn f [x]\n  (inc x))\n");

        var result = await CliProcess.RunAsync("lint", file);

        Assert.True(result.ExitCode == 0 && result.Stdout.Length == 0 && result.Stderr.Length == 0, result.ToString());
    }

    [Fact]
    public async Task Issue14_run_warns_about_a_wrong_arity_call_at_the_call()
    {
        var scratch = new ScratchFiles();
        var file = scratch.Write("arity.zl", "(defn add [a b] (+ a b))\n(defn g [] (add 1))\n(defn -main [] 0)\n");

        var result = await CliProcess.RunAsync("run", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("arity.zl:2:12: warning: `add` is called with 1 arguments but takes 2 [ZL3010]", result.Stderr);
    }
}
