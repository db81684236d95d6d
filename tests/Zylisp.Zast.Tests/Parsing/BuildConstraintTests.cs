using Zylisp.Zast.Parsing;

namespace Zylisp.Zast.Tests.Parsing;

public class BuildConstraintTests
{
    [Theory]
    [InlineData("//go:build go1.21", "go1.21")]
    [InlineData("//go:build linux && go1.20", "go1.20")]
    [InlineData("//go:build go1.18 || go1.20", "go1.18")]
    [InlineData("//go:build (go1.18 || go1.21) && go1.19", "go1.19")]
    [InlineData("//go:build !go1.21", "")]
    [InlineData("//go:build !(!go1.21 || linux)", "go1.21")]
    [InlineData("//go:build go1", "go1")]
    [InlineData("//go:build linux", "")]
    [InlineData("//go:build linux || go1.20", "")]
    public void MinimumVersionFollowsGoBuildConstraint(string line, string version) =>
        Assert.Equal(version, BuildConstraint.GoVersionOf(line));

    [Theory]
    [InlineData("//go:buildlinux")]
    [InlineData("//go:build")]
    [InlineData("//go:build linux &&")]
    [InlineData("//go:build (linux")]
    [InlineData("//go:build a b")]
    public void InvalidLinesGiveNoVersion(string line) => Assert.Null(BuildConstraint.GoVersionOf(line));
}
