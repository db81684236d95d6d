using Zylisp.Zast.Ast;
using Zylisp.Zast.Building;
using Zylisp.Zast.Diagnostics;
using Zylisp.Zast.Writing;
using File = Zylisp.Zast.Ast.File;

namespace Zylisp.Zast.Tests.Building;

public class ZastBuilderTests
{
    private const string HelloWorld = """
        (Program
          :fileset (FileSet :base 42 :files ((FileInfo :name "main.go" :base 1 :size 40 :lines (0 13 27))))
          :files (
            (File
              :doc nil
              :package 1
              :name (Ident :namepos 9 :name "main")
              :decls (
                (FuncDecl
                  :doc (CommentGroup :list ((Comment :slash 14 :text "// main")))
                  :recv nil
                  :name (Ident :namepos 27 :name "main")
                  :type (FuncType :func 22 :typeparams nil :params (FieldList :opening 31 :list () :closing 32) :results nil)
                  :body (BlockStmt :lbrace 34 :list () :rbrace 36)))
              :filestart 1
              :fileend 41
              :imports ()
              :comments ((CommentGroup :list ((Comment :slash 14 :text "// main"))))
              :goversion "")))
        """;

    [Fact]
    public void BuildsAProgramAndWritesItBackCanonically()
    {
        var result = ZastBuilder.BuildProgram(HelloWorld);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var program = result.Value!;
        Assert.Equal(42, program.FileSet.Base);
        var file = Assert.Single(program.Files);
        var main = Assert.IsType<FuncDecl>(Assert.Single(file.Decls));
        Assert.Equal("main", main.Name.Name);

        var written = ZastWriter.Write(program);
        var again = ZastBuilder.BuildProgram(written);
        Assert.True(again.Success);
        Assert.Equal(written, ZastWriter.Write(again.Value!));
        Assert.Equal(ZastWriter.Write(program, ZastFormat.Compact), ZastWriter.Write(ZastBuilder.BuildProgram(ZastWriter.Write(program, ZastFormat.Compact)).Value!, ZastFormat.Compact));
    }

    [Fact]
    public void DocCommentsAreSharedWithTheFilesCommentList()
    {
        var file = ZastBuilder.BuildProgram(HelloWorld).Value!.Files[0];
        Assert.Same(file.Comments[0], ((FuncDecl)file.Decls[0]).Doc);
    }

    [Fact]
    public void WrongNodeTypeNamesThePathAndLocation()
    {
        const string text = """
            (BlockStmt
              :lbrace 1
              :list ((ExprStmt :x (Ident :namepos 2 :name "x"))
                     (BasicLit :valuepos 5 :kind INT :value "1"))
              :rbrace 9)
            """;
        var result = ZastBuilder.BuildNode<Stmt>(text, "t.zast");
        Assert.False(result.Success);
        Assert.Null(result.Value);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ZastDiagnosticCatalog.WrongNodeType, diagnostic.Id);
        Assert.Equal("BlockStmt.list[1]", diagnostic.Path);
        Assert.Equal(new SourceLocation("t.zast", 4, 10), diagnostic.Location);
        Assert.Equal("t.zast:4:10: error: BlockStmt.list[1]: expected Stmt, got BasicLit [ZAST2004]", diagnostic.ToString());
    }

    [Theory]
    [InlineData("(Ident :namepos 1 :name \"x\" :obj nil)", ZastDiagnosticCatalog.UnknownField, "Ident")]
    [InlineData("(Ident :namepos 1)", ZastDiagnosticCatalog.MissingField, "Ident")]
    [InlineData("(Ident :name \"x\" :namepos 1)", ZastDiagnosticCatalog.FieldOutOfOrder, "Ident")]
    [InlineData("(Ident :namepos 1 :namepos 2 :name \"x\")", ZastDiagnosticCatalog.DuplicateField, "Ident")]
    [InlineData("(Ident :namepos -1 :name \"x\")", ZastDiagnosticCatalog.ExpectedValue, "Ident.namepos")]
    [InlineData("(Ident :namepos 1 :name x)", ZastDiagnosticCatalog.ExpectedValue, "Ident.name")]
    [InlineData("(Identifier :namepos 1)", ZastDiagnosticCatalog.UnknownNodeType, "")]
    [InlineData("(BasicLit :valuepos 1 :kind ADD :value \"1\")", ZastDiagnosticCatalog.TokenNotAllowed, "BasicLit.kind")]
    [InlineData("(BasicLit :valuepos 1 :kind PLUS :value \"1\")", ZastDiagnosticCatalog.UnknownToken, "BasicLit.kind")]
    [InlineData("(ParenExpr :lparen 1 :x nil :rparen 3)", ZastDiagnosticCatalog.RequiredNodeIsNil, "ParenExpr.x")]
    [InlineData("(ChanType :begin 1 :arrow 0 :dir BOTH :value (Ident :namepos 6 :name \"int\"))", ZastDiagnosticCatalog.ExpectedValue, "ChanType.dir")]
    [InlineData("(SliceExpr :x (Ident :namepos 1 :name \"s\") :lbrack 2 :low nil :high nil :max nil :slice3 yes :rbrack 3)", ZastDiagnosticCatalog.ExpectedValue, "SliceExpr.slice3")]
    [InlineData("(Ident 1 :name \"x\")", ZastDiagnosticCatalog.ExpectedKeyword, "Ident")]
    [InlineData("(AssignStmt :lhs () :tokpos 1 :tok ASSIGN :rhs ((Ident :namepos 5 :name \"y\")))", ZastDiagnosticCatalog.EmptyList, "AssignStmt.lhs")]
    [InlineData("(Ident :namepos 1 :name \"x\") (Ident :namepos 1 :name \"y\")", ZastDiagnosticCatalog.ExpectedOneForm, "")]
    public void BadInputIsReportedNotThrown(string text, string id, string path)
    {
        var result = ZastBuilder.BuildNode(text);
        Assert.False(result.Success);
        var diagnostic = result.Diagnostics[0];
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(path, diagnostic.Path);
    }

    [Fact]
    public void LenientModeDefaultsOmittedFieldsButStillRequiresNodes()
    {
        var lenient = new ZastOptions { RequireAllFields = false };
        var ok = ZastBuilder.BuildNode<Expr>("(CallExpr :fun (Ident :name \"f\"))", options: lenient);
        Assert.True(ok.Success, string.Join("\n", ok.Diagnostics));
        Assert.Empty(((CallExpr)ok.Value!).Args);

        var missing = ZastBuilder.BuildNode<Expr>("(ParenExpr :lparen 1)", options: lenient);
        Assert.Equal(ZastDiagnosticCatalog.MissingField, Assert.Single(missing.Diagnostics).Id);
    }

    [Fact]
    public void PositionsMustFallInsideTheFileSet()
    {
        var text = HelloWorld.Replace(":namepos 27", ":namepos 99", StringComparison.Ordinal);
        var result = ZastBuilder.BuildProgram(text);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ZastDiagnosticCatalog.PositionOutsideFileSet, diagnostic.Id);
        Assert.Equal("Program.files[0].decls[0].name.namepos", diagnostic.Path);
    }

    [Theory]
    [InlineData(":base 42 :files", ":base 7 :files", ZastDiagnosticCatalog.BadFileSetBase)]
    [InlineData(":lines (0 13 27)", ":lines (0 27 13)", ZastDiagnosticCatalog.BadLineTable)]
    [InlineData(":base 1 :size", ":base 0 :size", ZastDiagnosticCatalog.BadFileBase)]
    public void FileSetsAreValidated(string from, string to, string id)
    {
        var result = ZastBuilder.BuildProgram(HelloWorld.Replace(from, to, StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void ManyErrorsStopAtTheLimit()
    {
        var items = string.Concat(Enumerable.Repeat("(BasicLit :valuepos 1 :kind INT :value \"1\") ", 50));
        var result = ZastBuilder.BuildNode<Stmt>($"(BlockStmt :lbrace 1 :list ({items}) :rbrace 2)", options: new ZastOptions { MaxDiagnostics = 10 });
        Assert.Equal(11, result.Diagnostics.Count);
        Assert.Equal(ZastDiagnosticCatalog.TooManyDiagnostics, result.Diagnostics[^1].Id);
    }

    [Fact]
    public void FileNodesCanBeBuiltOnTheirOwn()
    {
        var result = ZastBuilder.BuildNode<File>("(File :doc nil :package 1 :name (Ident :namepos 9 :name \"p\") :decls () :filestart 1 :fileend 11 :imports () :comments () :goversion \"\")");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal("p", result.Value!.Name.Name);
    }

    [Fact]
    public void DeepTreesOnASmallStackGiveADiagnosticWithAShortenedPath()
    {
        const int depth = 200_000;
        var text = string.Concat(Enumerable.Repeat("(ParenExpr :lparen 1 :x ", depth)) + "(Ident :namepos 1 :name \"x\")" + string.Concat(Enumerable.Repeat(" :rparen 2)", depth));
        BuildResult<Expr>? result = null;
        // The reader's depth limit (ZastOptions.MaxDepth) would stop this first; lift it to reach the builder's stack check.
        var thread = new Thread(() => result = ZastBuilder.BuildNode<Expr>(text, options: new ZastOptions { MaxDepth = int.MaxValue }), 1024 * 1024);
        thread.Start();
        thread.Join();
        var diagnostic = Assert.Single(result!.Diagnostics);
        Assert.Equal(ZastDiagnosticCatalog.TreeTooDeep, diagnostic.Id);
        Assert.Contains("more)…", diagnostic.Path, StringComparison.Ordinal);
        Assert.True(diagnostic.Path.Length < 200);
    }

    [Fact]
    public void ImportsAndFieldCommentsAreSharedAsGoParserSharesThem()
    {
        var text = System.IO.File.ReadAllText(Tests.Corpus.CoverageCorpus.Get("comments/comments.go").ArchivePath);
        var file = ZastBuilder.BuildProgram(text).Value!.Files[0];
        var imports = (GenDecl)file.Decls[0];
        Assert.Same(imports.Specs[0], file.Imports[0]);
        Assert.Same(imports.Specs[1], file.Imports[1]);
        var importSpec = (ImportSpec)imports.Specs[0];
        Assert.Contains(importSpec.Doc!, file.Comments);
        Assert.Contains(importSpec.Comment!, file.Comments);
    }
}
