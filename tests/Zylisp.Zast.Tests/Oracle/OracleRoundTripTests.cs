using Zylisp.Zast.Building;
using Zylisp.Zast;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Oracle;

/// <summary>
/// The C# builder and writer against the Go oracle on real Go code, without the C# parser:
/// oracle text → builder → writer must reproduce the oracle's bytes. This pins the writer's
/// layout and quoting, and the builder's acceptance, to go/ast's own output.
/// </summary>
public class OracleRoundTripTests
{
    private static readonly string[] Packages = ["go/ast", "go/parser", "fmt", "strconv", "unicode/utf8", "sort", "container/list"];

    [GoTheory]
    [InlineData(ZastFormat.Pretty)]
    [InlineData(ZastFormat.Compact)]
    public void OracleOutputForGorootPackagesRoundTripsByteForByte(ZastFormat format)
    {
        var oracle = GoOracle.Get();
        var src = Path.Combine(oracle.GoRoot, "src");
        var files = Packages
            .SelectMany(package => Directory.GetFiles(Path.Combine(src, package), "*.go"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);

        var results = oracle.Archive(files, src, compact: format == ZastFormat.Compact);
        foreach (var (name, result) in results)
        {
            Assert.True(result.Zast is not null, $"{name}: {result.Errors}");
            var built = ZastBuilder.BuildProgram(result.Zast, name);
            Assert.True(built.Success, $"{name}: {string.Join("\n", built.Diagnostics.Take(5))}");
            var written = ZastWriter.Write(built.Value!, format);
            if (written != result.Zast) Assert.Fail($"{name}: writer output differs from the oracle's at offset {FirstDifference(written, result.Zast)}");
        }
    }

    [GoFact]
    public void OracleComputesGo122FieldsGo119Lacks()
    {
        const string source = "//go:build linux && (go1.21 || go1.22)\n\npackage p\n\nfunc f(xs []int) {\n\tfor range xs {\n\t}\n\tfor i := range xs {\n\t\t_ = i\n\t}\n}\n";
        var run = GoOracle.Get().Run(["-compact", "-name", "p.go", "-"], source);
        Assert.Equal(0, run.ExitCode);
        var text = run.StandardOutput;
        Assert.Contains(":goversion \"go1.21\"", text, StringComparison.Ordinal);
        Assert.Contains($":filestart 1 :fileend {1 + source.Length}", text, StringComparison.Ordinal);
        // 'for range xs': no key, so tokpos 0 and tok ILLEGAL; 'range' is at offset 64 (pos 65).
        Assert.Contains(":tokpos 0 :tok ILLEGAL :range " + (source.IndexOf("range xs {\n\t}", StringComparison.Ordinal) + 1), text, StringComparison.Ordinal);
        Assert.Contains(":tok DEFINE :range " + (source.IndexOf("range xs {\n\t\t", StringComparison.Ordinal) + 1), text, StringComparison.Ordinal);
    }

    [GoFact]
    public void OracleReportsParseErrorsPerFile()
    {
        var dir = Directory.CreateTempSubdirectory("zast-oracle-bad-").FullName;
        try
        {
            var bad = Path.Combine(dir, "bad.go");
            var notGo = Path.Combine(dir, "not_go.go");
            var good = Path.Combine(dir, "good.go");
            System.IO.File.WriteAllText(bad, "package p\nfunc {\n");
            System.IO.File.WriteAllText(notGo, "hello\n");
            System.IO.File.WriteAllText(good, "package p\n");
            var results = GoOracle.Get().Archive([bad, notGo, good], dir);
            // go/parser's partial tree comes with the errors...
            Assert.Contains("(FuncDecl", results["bad.go"].Zast, StringComparison.Ordinal);
            Assert.Contains("bad.go:2:6", results["bad.go"].Errors, StringComparison.Ordinal);
            // ...unless it gave up at the package clause, leaving a placeholder with no position.
            Assert.Null(results["not_go.go"].Zast);
            Assert.Contains("not_go.go:1:1", results["not_go.go"].Errors, StringComparison.Ordinal);
            Assert.NotNull(results["good.go"].Zast);
            Assert.Null(results["good.go"].Errors);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // go/build/constraint.GoVersion's documented examples, plus go/parser's rules for which lines count.
    [GoTheory]
    [InlineData("//go:build linux && go1.22\n", "go1.22")]
    [InlineData("//go:build (linux && go1.22) || (windows && go1.20)\n", "go1.20")]
    [InlineData("//go:build linux\n", "")]
    [InlineData("//go:build linux || (windows && go1.22)\n", "")]
    [InlineData("//go:build !go1.22\n", "")]
    [InlineData("//go:build (linux && !linux && go1.20) || go1.21\n", "go1.20")]
    [InlineData("//go:build go1\n", "go1")]
    [InlineData("//go:build go1.21rc1\n", "")]
    [InlineData("//go:build go1.18\n//go:build go1.20\n", "go1.20")]
    [InlineData("//go:build go1.18\n//go:build &&\n", "go1.18")]
    [InlineData("/* //go:build go1.18 */\n", "")]
    [InlineData("// +build go1.18\n", "")]
    public void OracleAndCSharpAgreeOnGoVersion(string header, string expected)
    {
        var source = header + "\npackage p\n\n//go:build go1.99\nvar x int\n";
        var run = GoOracle.Get().Run(["-name", "p.go", "-"], source);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($":goversion {GoString.Quote(expected)})", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(run.StandardOutput, ZastTool.FromGo(source, "p.go").Output);
    }

    private static int FirstDifference(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i]) return i;
        }
        return length;
    }
}
