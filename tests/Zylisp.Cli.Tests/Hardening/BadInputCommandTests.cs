using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.Hardening;

/// <summary>Issue 15: command-line input that used to crash or mislead (items 1, 3, 4, 16, 17).</summary>
public class BadInputCommandTests
{
    private readonly ScratchFiles _files = new();

    /// <summary>Issue 15 item 4: `zylisp run ''` gave an internal ArgumentException.</summary>
    [Theory]
    [InlineData("run")]
    [InlineData("expand")]
    public async Task An_empty_path_is_a_usage_error(string command)
    {
        var result = await CliProcess.RunAsync(command, "");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the file name is empty", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 4: `zast ... ''` too.</summary>
    [Fact]
    public async Task Zast_with_an_empty_path_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("zast", "fmt", "");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the file name is empty", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 4: `zylisp run /dev/zero` ran out of memory (internal error).</summary>
    [Fact]
    public async Task An_endless_input_stops_at_the_source_size_limit()
    {
        var result = await CliProcess.RunAsync("run", "/dev/zero");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("larger than the source size limit", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 17: `zylisp expand somedir` said "no such file".</summary>
    [Fact]
    public async Task Expand_of_a_directory_says_it_is_a_directory()
    {
        var result = await CliProcess.RunAsync("expand", _files.Folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is a directory", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 1: `zylisp eval '(reduce (fn [v _] [v]) [] (range 60000))'` died.</summary>
    [Fact]
    public async Task Eval_prints_a_deep_value_cut_off()
    {
        var result = await CliProcess.RunAsync("eval", "(reduce (fn [v _] [v]) [] (range 60000))");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(new string('[', 10_000) + "#]", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 1: `(def a (atom nil)) (reset! a a)` killed the REPL and lost its definitions.</summary>
    [Fact]
    public async Task The_repl_prints_a_self_referencing_atom_and_keeps_going()
    {
        var result = await CliProcess.RunAsync(["repl"], stdin: "(def a (atom nil))\n(reset! a a)\n(def kept 42)\nkept\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("#<atom #<cycle>>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("42", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 3: 100,000 stray closers: the report is capped and each excerpt cut.</summary>
    [Fact]
    public async Task Many_errors_on_a_long_line_give_a_short_report()
    {
        var program = _files.Write("closers.zl", new string(')', 100_000) + "\n");

        var result = await CliProcess.RunAsync("run", program);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("... and 81 more errors", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Stderr.Length < 20_000, $"stderr has {result.Stderr.Length} characters");
    }

    /// <summary>Issue 15 item 3: an error on a 10 MB line must not write 20 MB of stderr.</summary>
    [Fact]
    public async Task An_error_on_a_ten_megabyte_line_writes_a_short_excerpt()
    {
        var program = _files.Write("long.zl", new string('x', 10_000_000) + " )\n");

        var result = await CliProcess.RunAsync("run", program);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Stderr.Length < 1_000, $"stderr has {result.Stderr.Length} characters");
        Assert.Contains("...", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 16: 1,001 quotes before x gave 99 false "must be followed by a form" errors.</summary>
    [Fact]
    public async Task A_thousand_quotes_give_one_nesting_error()
    {
        var program = _files.Write("quotes.zl", new string('\'', 1001) + "x\n");

        var result = await CliProcess.RunAsync("run", "--terse", program);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("[ZL1010]", result.Stderr, StringComparison.Ordinal);
    }
}
