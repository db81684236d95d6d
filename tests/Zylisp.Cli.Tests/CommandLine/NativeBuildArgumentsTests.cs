using Zylisp.Cli.CommandLine;

namespace Zylisp.Cli.Tests.CommandLine;

/// <summary>
/// The one reading of a plain native build's words, shared by the zylisp command's fast path and
/// the NativeAOT build host (which compiles NativeBuildArguments.cs in and declines --no-cache).
/// </summary>
public sealed class NativeBuildArgumentsTests
{
    [Theory]
    [InlineData(false, "build", "--target", "native", "fib.zl", "-o", "fib")]
    [InlineData(false, "build", "-o", "fib", "-t", "native", "fib.zl")]
    [InlineData(true, "build", "--no-cache", "--target", "native", "fib.zl", "--output", "fib")]
    public void A_file_build_gives_its_file_output_and_cache_choice(bool noCache, params string[] args) =>
        Assert.Equal(new NativeBuildArguments("fib.zl", null, "fib", noCache), NativeBuildArguments.TryParse(args));

    [Fact]
    public void An_expression_build_with_no_cache_is_eight_words()
    {
        Assert.Equal(new NativeBuildArguments(null, "-1", "out", true),
            NativeBuildArguments.TryParse(["build", "--target", "native", "-e", "-1", "-o", "out", "--no-cache"]));
    }

    [Theory]
    [InlineData("build", "--target", "native", "fib.zl")]
    [InlineData("build", "--target", "native", "fib.zl", "-o", "fib", "--no-cache", "--no-cache")]
    [InlineData("build", "--target", "il", "fib.zl", "-o", "fib")]
    [InlineData("build", "--target", "native", "-e", "1", "fib.zl", "-o", "fib")]
    [InlineData("run", "--target", "native", "fib.zl", "-o", "fib")]
    public void Anything_else_is_not_a_plain_native_build(params string[] args) =>
        Assert.Null(NativeBuildArguments.TryParse(args));

    [Fact]
    public void The_fast_path_reads_a_build_as_this_does()
    {
        string[] args = ["build", "-t", "native", "-e", "(+ 1 2)", "-o", "out", "--no-cache"];
        var parsed = NativeBuildArguments.TryParse(args)!;
        var request = NativeFastPath.TryParseBuild(args)!;

        Assert.Equal((parsed.File, parsed.Expression, parsed.Output, parsed.NoCache), (request.Path, request.Expression, request.Output, request.NoCache));
    }
}
