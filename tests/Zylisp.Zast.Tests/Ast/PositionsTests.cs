using System.Text;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Tests.Ast;

public class PositionsTests
{
    [Fact]
    public void FilesReserveSizePlusOnePositions()
    {
        var set = new FileSet();
        var a = set.AddFile("a.go", -1, 10);
        var b = set.AddFile("b.go", -1, 5);
        Assert.Equal(1, a.Base);
        Assert.Equal(12, b.Base);
        Assert.Same(a, set.File(new Pos(11)));
        Assert.Same(b, set.File(new Pos(12)));
        Assert.Null(set.File(Pos.NoPos));
    }

    [Fact]
    public void PositionsDecodeToLineAndByteColumn()
    {
        var text = "package p\n\nfunc f() {}\n";
        var set = new FileSet();
        var file = set.AddFile("p.go", -1, Encoding.UTF8.GetByteCount(text));
        file.SetLinesForContent(Encoding.UTF8.GetBytes(text));
        Assert.Equal([0, 10, 11], file.Lines);
        var position = set.Position(file.Pos(text.IndexOf("f()", StringComparison.Ordinal)));
        Assert.Equal(new Position("p.go", 16, 3, 6), position);
        Assert.Equal("p.go:3:6", position.ToString());
    }

    [Fact]
    public void NodeEndsFollowGoAst()
    {
        var ident = new Ident { NamePos = new Pos(5), Name = "héllo" };
        Assert.Equal(new Pos(11), ident.End); // byte length, as in Go
        var ret = new ReturnStmt { Return = new Pos(20) };
        Assert.Equal(new Pos(26), ret.End);
        var branch = new BranchStmt { TokPos = new Pos(3), Tok = Token.Break };
        Assert.Equal(new Pos(8), branch.End);
    }
}
