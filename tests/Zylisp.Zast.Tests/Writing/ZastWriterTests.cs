using Zylisp.Zast.Ast;
using Zylisp.Zast.Writing;
using File = Zylisp.Zast.Ast.File;
using Program = Zylisp.Zast.Ast.Program;

namespace Zylisp.Zast.Tests.Writing;

public class ZastWriterTests
{
    // package p
    //
    // var x = -a &^ 1
    private const string Source = "package p\n\nvar x = -a &^ 1\n";

    private static Program SampleProgram()
    {
        var program = new Program();
        var tokenFile = program.FileSet.AddFile("p.go", -1, Source.Length);
        tokenFile.SetLinesForContent(System.Text.Encoding.UTF8.GetBytes(Source));
        var spec = new ValueSpec
        {
            Names = [new Ident { NamePos = new Pos(16), Name = "x" }],
            Values =
            [
                new BinaryExpr
                {
                    X = new UnaryExpr { OpPos = new Pos(20), Op = Token.Sub, X = new Ident { NamePos = new Pos(21), Name = "a" } },
                    OpPos = new Pos(23),
                    Op = Token.AndNot,
                    Y = new BasicLit { ValuePos = new Pos(26), Kind = Token.Int, Value = "1" },
                },
            ],
        };
        program.Files.Add(new File
        {
            Package = new Pos(1),
            Name = new Ident { NamePos = new Pos(9), Name = "p" },
            Decls = [new GenDecl { TokPos = new Pos(12), Tok = Token.Var, Specs = [spec] }],
            FileStart = new Pos(1),
            FileEnd = new Pos(1 + Source.Length),
        });
        return program;
    }

    [Fact]
    public void PrettyFormPutsFieldsOfNonLeafNodesOnTheirOwnLines()
    {
        const string expected = """
            (Program
              :fileset (FileSet
                :base 29
                :files (
                  (FileInfo :name "p.go" :base 1 :size 27 :lines (0 10 11))))
              :files (
                (File
                  :doc nil
                  :package 1
                  :name (Ident :namepos 9 :name "p")
                  :decls (
                    (GenDecl
                      :doc nil
                      :tokpos 12
                      :tok VAR
                      :lparen 0
                      :specs (
                        (ValueSpec
                          :doc nil
                          :names (
                            (Ident :namepos 16 :name "x"))
                          :type nil
                          :values (
                            (BinaryExpr
                              :x (UnaryExpr
                                :oppos 20
                                :op SUB
                                :x (Ident :namepos 21 :name "a"))
                              :oppos 23
                              :op AND_NOT
                              :y (BasicLit :valuepos 26 :kind INT :value "1")))
                          :comment nil))
                      :rparen 0))
                  :filestart 1
                  :fileend 28
                  :imports ()
                  :comments ()
                  :goversion "")))

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), ZastWriter.Write(SampleProgram()));
    }

    [Fact]
    public void CompactFormIsOneLine()
    {
        var text = ZastWriter.Write(SampleProgram(), ZastFormat.Compact);
        Assert.EndsWith(")\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(BinaryExpr :x (UnaryExpr :oppos 20 :op SUB :x (Ident :namepos 21 :name \"a\")) :oppos 23 :op AND_NOT", text, StringComparison.Ordinal);
        Assert.StartsWith("(Program :fileset (FileSet :base 29 :files ((FileInfo :name \"p.go\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChanDir.Send, "SEND")]
    [InlineData(ChanDir.Recv, "RECV")]
    [InlineData(ChanDir.Send | ChanDir.Recv, "(SEND RECV)")]
    public void ChannelDirectionsAreSymbolsOrBoth(ChanDir dir, string expected)
    {
        var chan = new ChanType { Begin = new Pos(1), Dir = dir, Value = new Ident { NamePos = new Pos(6), Name = "int" } };
        Assert.Contains($":dir {expected} ", ZastWriter.WriteNode(chan, ZastFormat.Compact), StringComparison.Ordinal);
    }

    [Fact]
    public void NilNodeIsWrittenOut() => Assert.Equal("nil", ZastWriter.WriteNode(null));
}
