using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

public class ExpandCommandTests
{
    [Fact]
    public async Task Expand_prints_core_forms_without_the_macros()
    {
        var result = await CliProcess.RunAsync("expand", "-e", "(defn twice [x] (when x (* 2 x)))");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("(def twice", result.Stdout);
        Assert.Contains("(fn", result.Stdout);
        Assert.Contains("(if x", result.Stdout);
        Assert.DoesNotContain("defn", result.Stdout);
        Assert.DoesNotContain("when", result.Stdout);
    }

    [Fact]
    public async Task Expand_reads_a_file_and_prints_one_form_per_top_level_form()
    {
        var file = new ScratchFiles().Write("two.zl", "(def a 1)\n(def b 2)\n");

        var result = await CliProcess.RunAsync("expand", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("(def a 1)\n(def b 2)\n", result.Stdout);
    }

    [Fact]
    public async Task Long_forms_are_broken_over_lines_within_80_columns()
    {
        var source = "(defn long-function-name [alpha beta gamma] (let [sum (+ alpha beta gamma)] (if (> sum 100) (println \"big\" sum) (println \"small\" sum))))";

        var result = await CliProcess.RunAsync("expand", "-e", source);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 1, result.Stdout);
        Assert.All(lines, line => Assert.True(line.Length <= 80, line));
    }

    [Theory]
    [InlineData]
    [InlineData("file.zl", "-e", "x")]
    public async Task Expand_needs_exactly_one_source(params string[] extra)
    {
        var result = await CliProcess.RunAsync(["expand", .. extra]);

        Assert.Equal(2, result.ExitCode);
    }
}
