using System.Text.RegularExpressions;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// Errors print like a compiler's: <c>file:line:col: error: message [ZLnnnn]</c>, the source line,
/// a caret under the column, then the Zylisp stack. The wording belongs to Lang's catalogue, so the
/// message text is matched loosely and everything around it exactly.
/// </summary>
public partial class ErrorFormatTests
{
    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<col>\d+): error: (?<message>.+) \[(?<id>ZL\d{4})\]$")]
    private static partial Regex Header();

    [Fact]
    public async Task A_run_time_error_shows_location_source_line_caret_and_stack()
    {
        var files = new ScratchFiles();
        var program = files.Write("div.zl", "(defn divide [a b]\n  (/ a b))\n(defn -main []\n  (divide 1 0))\n");

        var result = await CliProcess.RunAsync(["run", program], environment: new Dictionary<string, string?> { ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stderr.Replace("\r\n", "\n").Split('\n');
        var header = Header().Match(lines[0]);
        Assert.True(header.Success, result.Stderr);
        Assert.Equal(program, header.Groups["file"].Value);
        Assert.Equal("2", header.Groups["line"].Value);
        Assert.StartsWith("ZL5", header.Groups["id"].Value);
        var column = int.Parse(header.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture);

        // The excerpt: the line number in a gutter, the source line as written, then the caret
        // exactly under the reported column.
        var excerpt = Regex.Match(lines[1], @"^(?<gutter> *2 \| )(?<text>.*)$");
        Assert.True(excerpt.Success, result.Stderr);
        Assert.Equal("  (/ a b))", excerpt.Groups["text"].Value);
        var gutterWidth = excerpt.Groups["gutter"].Value.Length;
        Assert.Equal(new string(' ', gutterWidth - 2) + "| ", lines[2][..gutterWidth]);
        Assert.Equal(column - 1, lines[2][gutterWidth..].IndexOf('^', StringComparison.Ordinal));
        Assert.Contains(lines, line => line.TrimStart().StartsWith("at divide (", StringComparison.Ordinal));
        Assert.DoesNotContain("   at Zylisp.", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    /// <summary>
    /// A build reports its errors as `zylisp run` does, source line and caret included: front-end
    /// errors on every target, and the backend's own refusals (.NET interop on go and native).
    /// </summary>
    [Theory]
    [InlineData("native", "(println 1)\n(+ 1 (foo 2)\n", "2 | (+ 1 (foo 2)", "ZL1002")]
    [InlineData("dotnet", "(println 1)\n(+ 1 (foo 2)\n", "2 | (+ 1 (foo 2)", "ZL1002")]
    [InlineData("go", "(println 1)\n(+ 1 (foo 2)\n", "2 | (+ 1 (foo 2)", "ZL1002")]
    [InlineData("native", "(println 1)\n(println (.ToUpper \"x\"))\n", "2 | (println (.ToUpper \"x\"))", "ZL4702")]
    [InlineData("go", "(println 1)\n(println (.ToUpper \"x\"))\n", "2 | (println (.ToUpper \"x\"))", "ZL4602")]
    public async Task A_build_error_shows_location_source_line_and_caret(string target, string text, string excerpt, string id)
    {
        var files = new ScratchFiles();
        var program = files.Write("bad.zl", text);

        var result = await CliProcess.RunAsync(["build", "--target", target, program, "-o", Path.Combine(files.Folder, "out")], environment: new Dictionary<string, string?> { ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stderr.Replace("\r\n", "\n").Split('\n');
        var header = Header().Match(lines[0]);
        Assert.True(header.Success, result.Stderr);
        Assert.Equal(program, header.Groups["file"].Value);
        Assert.Equal(id, header.Groups["id"].Value);
        Assert.EndsWith(excerpt, lines[1], StringComparison.Ordinal);
        Assert.Contains("^", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terse_prints_only_the_header_line()
    {
        var result = await CliProcess.RunAsync("eval", "--terse", "(undefined-function 1)");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Matches(Header(), lines[0]);
    }

    [Fact]
    public async Task No_input_prints_a_dotnet_exception()
    {
        string[] inputs = ["(", ")", "\"unterminated", "#{1 1}", "(let [x] x)", "(fn)", "(recur 1)", "(throw 42)", "(def)", "{:a}", "(nth [1] 5)", "(str (atom 1))", "(. x y)", "#_"];
        foreach (var input in inputs)
        {
            var result = await CliProcess.RunAsync("eval", input);

            Assert.True(result.ExitCode is 0 or 1, $"{input}: {result}");
            Assert.DoesNotContain("Unhandled exception", result.Stderr);
            Assert.DoesNotContain("internal error", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
    }
}
