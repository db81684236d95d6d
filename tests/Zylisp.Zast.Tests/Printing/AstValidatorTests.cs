using FsCheck;
using FsCheck.Fluent;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Printing;
using static Zylisp.Zast.Tests.Printing.GoAstFactory;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>Malformed trees give errors with a field path and, when known, a position; printing never throws.</summary>
public class AstValidatorTests
{
    [Fact]
    public void MissingRequiredChildIsReportedWithItsPath()
    {
        var file = File("p", Func("f", Fields(), null, Do(new BinaryExpr { X = Id("a"), Op = Token.Add })));
        var result = GoPrinter.Print(file);
        Assert.False(result.Success);
        Assert.Equal("", result.Text);
        var error = Assert.Single(result.Errors);
        Assert.Equal("File.Decls[0].Body.List[0].X.Y", error.Path);
        Assert.Contains("Y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsCarryTheSourcePositionWhenThereIsOne()
    {
        var fset = new FileSet();
        var tokenFile = fset.AddFile("gen.go", -1, 100);
        tokenFile.SetLines([0, 10, 20]);
        var stmt = new AssignStmt { Lhs = [new Ident { Name = "x", NamePos = tokenFile.Pos(12) }], Tok = Token.Add, Rhs = [Int("1")] };
        var error = Assert.Single(GoPrinter.Print(fset, stmt).Errors);
        Assert.Equal("gen.go:2:3", error.Position.ToString());
        Assert.StartsWith("gen.go:2:3: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("ADD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyListsThePrinterNeedsAreErrors()
    {
        var result = GoPrinter.Print(new AssignStmt { Tok = Token.Assign, Rhs = [Id("a")] });
        Assert.Contains(result.Errors, error => error.Path == "AssignStmt" && error.Message.Contains("left-hand", StringComparison.Ordinal));
        Assert.False(GoPrinter.Print(new GenDecl { Tok = Token.Var }).Success);
        Assert.False(GoPrinter.Print(new ValueSpec { Values = [Int("1")] }).Success);
        Assert.False(GoPrinter.Print(new CommentGroup()).Success);
    }

    [Fact]
    public void TokensMustFitTheirNode()
    {
        Assert.False(GoPrinter.Print(Bin(Id("a"), Token.Assign, Id("b"))).Success);
        Assert.False(GoPrinter.Print(Un(Token.Quo, Id("a"))).Success);
        Assert.False(GoPrinter.Print(new BasicLit { Kind = Token.Ident, Value = "x" }).Success);
        Assert.False(GoPrinter.Print(Bin(Id("a"), (Token)999, Id("b"))).Success);
        Assert.False(GoPrinter.Print(new GenDecl { Tok = Token.Import, Specs = [Value("x", null, Int("1"))] }).Success);
    }

    [Fact]
    public void CyclesAreReportedInsteadOfRecursingForever()
    {
        var paren = new ParenExpr();
        paren.X = new UnaryExpr { Op = Token.Sub, X = paren };
        var result = GoPrinter.Print(paren);
        Assert.Contains(result.Errors, error => error.Message.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownNodeTypesAreErrors()
    {
        var result = GoPrinter.Print(Do(new ForeignExpr()));
        Assert.Contains(result.Errors, error => error.Path == "ExprStmt.X" && error.Message.Contains(nameof(ForeignExpr), StringComparison.Ordinal));
    }

    [Fact]
    public void NullRootIsAnError()
    {
        Assert.False(GoPrinter.Print(null!).Success);
    }

    [Fact]
    public void DeepTreesPrintOnALargeEnoughStack()
    {
        // A 5000-term concatenation: go/printer recurses per term, which would exhaust the
        // stack of a default thread at depths real generated files reach.
        const int terms = 5000;
        Expr sum = Str("s");
        for (var i = 1; i < terms; i++) sum = Bin(sum, Token.Add, Str("s"));
        var result = GoPrinter.Print(sum);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(terms * 3 + (terms - 1) * 3, result.Text.Length);
    }

    [Fact]
    public void TreesDeeperThanTheConfiguredLimitAreErrors()
    {
        Expr expr = Id("x");
        for (var i = 0; i < 50; i++) expr = new ParenExpr { X = expr };
        var result = GoPrinter.Print(expr, PrinterOptions.Gofmt with { MaxDepth = 10 });
        Assert.Contains(result.Errors, error => error.Message.Contains("deeper than 10", StringComparison.Ordinal));
    }

    [Fact]
    public void PrintingRandomlyBrokenTreesNeverThrows()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var tree = new RandomGoTrees(seed).Malformed(3);
            var result = GoPrinter.Print(tree);
            return result.Success ? result.Errors.Count == 0 : result.Errors.Count > 0 && result.Text.Length == 0;
        }).QuickCheckThrowOnFailure();
    }

    private sealed class ForeignExpr : Expr
    {
        public override Pos Pos => Pos.NoPos;
        public override Pos End => Pos.NoPos;
    }
}
