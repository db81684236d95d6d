using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Commands;

namespace Zylisp.Cli.Tests.CommandLine;

public sealed class NativeFastPathTests
{
    [Theory]
    [InlineData("build", "--target", "native", "fib.zl", "-o", "fib")]
    [InlineData("build", "-t", "native", "-o", "fib", "fib.zl")]
    [InlineData("build", "fib.zl", "--output", "fib", "--target", "native")]
    public void A_plain_native_build_of_a_file_takes_the_fast_path(params string[] args)
    {
        var request = NativeFastPath.TryParseBuild(args);

        Assert.Equal(new BuildRequest("native", "fib.zl", null, "fib", null, OutputOptions.Default), request);
    }

    [Fact]
    public void A_native_build_of_an_expression_takes_the_fast_path_even_when_it_starts_with_a_dash()
    {
        Assert.Equal(new BuildRequest("native", null, "(+ 2 (* 3 4))", "out", null, OutputOptions.Default),
            NativeFastPath.TryParseBuild(["build", "--target", "native", "-e", "(+ 2 (* 3 4))", "-o", "out"]));
        Assert.Equal("-1", NativeFastPath.TryParseBuild(["build", "-t", "native", "-o", "out", "--expr", "-1"])?.Expression);
    }

    [Theory]
    [InlineData("build", "--no-cache", "--target", "native", "fib.zl", "-o", "fib")]
    [InlineData("build", "-t", "native", "fib.zl", "-o", "fib", "--no-cache")]
    public void A_native_build_without_the_cache_takes_the_fast_path(params string[] args) =>
        Assert.Equal(new BuildRequest("native", "fib.zl", null, "fib", null, OutputOptions.Default, NoCache: true), NativeFastPath.TryParseBuild(args));

    [Theory]
    [InlineData("build", "--target", "native", "fib.zl", "-o", "fib", "--no-cache", "--no-cache")]
    [InlineData("build", "--target", "go", "fib.zl", "-o", "fib")]
    [InlineData("build", "--target", "native", "fib.zl", "--emit", "asm")]
    [InlineData("build", "--target", "native", "fib.zl", "-o", "fib", "--terse")]
    [InlineData("build", "--target", "native", "-", "-o", "fib")]
    [InlineData("build", "--target", "native", "a.zl", "b.zl", "-o")]
    [InlineData("build", "--target", "native", "-e", "1", "-o", "out", "fib.zl")]
    [InlineData("build", "--target", "native", "fib.zl", "-o", "--help")]
    [InlineData("compile", "--target", "native", "fib.zl", "-o", "fib")]
    public void Anything_else_goes_to_the_full_parser(params string[] args) =>
        Assert.Null(NativeFastPath.TryParseBuild(args));

    [Fact]
    public void Run_on_the_native_engine_keeps_every_word_after_the_file_as_an_argument()
    {
        var (file, rest) = NativeFastPath.TryParseRun(["run", "--engine", "native", "fib.zl", "--verbose", "3"])!.Value;

        Assert.Equal("fib.zl", file);
        Assert.Equal(["--verbose", "3"], rest);
    }

    [Theory]
    [InlineData("run", "--engine", "il", "fib.zl")]
    [InlineData("run", "--engine", "native")]
    [InlineData("run", "--engine", "native", "-")]
    [InlineData("run", "--terse", "--engine", "native", "fib.zl")]
    [InlineData("eval", "--engine", "native", "(+ 1 2)")]
    public void Other_runs_go_to_the_full_parser(params string[] args) =>
        Assert.Null(NativeFastPath.TryParseRun(args));
}
