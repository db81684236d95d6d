using Zylisp.Zast.Diagnostics;
using Zylisp.Zast.Tests.Corpus;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Tool;

public class ZastToolTests
{
    [Theory]
    [MemberData(nameof(CoverageCorpus.ValidNames), MemberType = typeof(CoverageCorpus))]
    public void FromGoMatchesTheArchiveAndToGoGivesTheSourceBack(string name)
    {
        var entry = CoverageCorpus.Get(name);
        var source = System.IO.File.ReadAllBytes(entry.SourcePath);

        var zast = ZastTool.FromGo(source, name);
        Assert.True(zast.Success, string.Join("\n", zast.Diagnostics));
        Assert.Equal(System.IO.File.ReadAllText(entry.ArchivePath), zast.Output);

        // The corpus is gofmt-formatted, so printing its tree must give the file back unchanged.
        var go = ZastTool.ToGo(zast.Output, name + ".zast");
        Assert.True(go.Success, string.Join("\n", go.Diagnostics));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(source), go.Output);
    }

    [Fact]
    public void FromGoReportsSyntaxErrorsWithGoPositions()
    {
        var result = ZastTool.FromGo("package p\n\nfunc {\n", "bad.go");
        Assert.False(result.Success);
        Assert.Equal("", result.Output);
        var first = result.Diagnostics[0];
        Assert.Equal(ZastDiagnosticCatalog.GoSyntaxError, first.Id);
        Assert.Equal(new SourceLocation("bad.go", 3, 6), first.Location);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void FormatTurnsCompactIntoPrettyAndBack()
    {
        var pretty = ZastTool.FromGo("package p\n\nvar x = 1\n", "p.go").Output;
        var compact = ZastTool.Format(pretty, "p.zast", ZastFormat.Compact);
        Assert.True(compact.Success);
        Assert.Single(compact.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(pretty, ZastTool.Format(compact.Output, "p.zast").Output);
    }

    [Fact]
    public void FormatAndValidateAcceptASingleNode()
    {
        var result = ZastTool.Format("; an expression\n(BinaryExpr :x (Ident :namepos 0 :name \"a\") :oppos 0 :op ADD :y (BasicLit :valuepos 0 :kind INT :value \"1\"))", "e.zast");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.StartsWith("(BinaryExpr\n  :x (Ident", result.Output, StringComparison.Ordinal);
        Assert.True(ZastTool.Validate(result.Output, "e.zast").Success);
    }

    [Fact]
    public void ValidateReportsWhatIsWrongAndWhere()
    {
        var result = ZastTool.Validate("(Program :fileset (FileSet :base 1 :files ()) :files ((Ident :namepos 0 :name \"x\")))", "v.zast");
        Assert.False(result.Success);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ZastDiagnosticCatalog.WrongNodeType, diagnostic.Id);
        Assert.Equal("Program.files[0]", diagnostic.Path);
        Assert.Equal(new SourceLocation("v.zast", 1, 55), diagnostic.Location);
    }

    [Fact]
    public void ToGoNeedsExactlyOneFile()
    {
        var result = ZastTool.ToGo("(Program :fileset (FileSet :base 1 :files ()) :files ())", "empty.zast");
        Assert.Equal(ZastDiagnosticCatalog.NotOneFile, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void DeeplyNestedGoConvertsBothWays()
    {
        // A 5000-term concatenation nests BinaryExprs 5000 deep, like some generated tables.
        var source = "package p\n\nvar s = " + string.Join(" + ", Enumerable.Repeat("\"a\"", 5000)) + "\n";
        var zast = ZastTool.FromGo(source, "deep.go", ZastFormat.Compact);
        Assert.True(zast.Success, string.Join("\n", zast.Diagnostics));
        var go = ZastTool.ToGo(zast.Output, "deep.zast");
        Assert.True(go.Success, string.Join("\n", go.Diagnostics));
        Assert.Equal(source, go.Output);
    }
}
