using Zylisp.Zast.Ast;
using Zylisp.Zast.Printing;
using static Zylisp.Zast.Tests.Printing.GoAstFactory;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>
/// GoPrinter on hand-built trees. Position-less trees are what the Go backend will build; the
/// expected texts are gofmt's output for the same code (GofmtStabilityTests checks that gofmt
/// leaves such output unchanged). Positioned trees from real files are covered by GoldenRoundTripTests.
/// </summary>
public class GoPrinterTests
{
    [Fact]
    public void BinaryExpressionsDropBlanksAroundTighterOperators()
    {
        // x := a*b + c; y := f(a+b, c); z := a + b*c - d/e
        var file = File("p", Func("f", Fields(), null,
            Define(Id("x"), Bin(Bin(Id("a"), Token.Mul, Id("b")), Token.Add, Id("c"))),
            Define(Id("y"), Call(Id("g"), Bin(Id("a"), Token.Add, Id("b")), Id("c"))),
            Define(Id("z"), Bin(Bin(Id("a"), Token.Add, Bin(Id("b"), Token.Mul, Id("c"))), Token.Sub, Bin(Id("d"), Token.Quo, Id("e"))))));
        Assert.Equal(
            "package p\n\nfunc f() {\n\tx := a*b + c\n\ty := g(a+b, c)\n\tz := a + b*c - d/e\n}\n",
            Print(file));
    }

    [Fact]
    public void OperatorsThatWouldFuseIntoAnotherTokenKeepTheirBlanks()
    {
        // a / *p would start a comment without the blank; x - -y would read as x--y.
        var file = File("p", Func("f", Fields(), null,
            Define(Id("x"), Bin(Id("a"), Token.Quo, new StarExpr { X = Id("p") })),
            Define(Id("y"), Call(Id("g"), Bin(Id("x"), Token.Sub, Un(Token.Sub, Id("y"))), Id("z")))));
        Assert.Equal(
            "package p\n\nfunc f() {\n\tx := a / *p\n\ty := g(x - -y, z)\n}\n",
            Print(file));
    }

    [Fact]
    public void MissingParenthesesAreAddedFromPrecedence()
    {
        // A generator may nest a + b under *: the printer must parenthesise it.
        var expr = Bin(Bin(Id("a"), Token.Add, Id("b")), Token.Mul, Id("c"));
        Assert.Equal("(a + b) * c", Print(expr));
    }

    [Fact]
    public void StructFieldsTypesAndTagsAlignInColumns()
    {
        var structType = new StructType
        {
            Fields = Fields(
                Param("a", Id("int")),
                new Field { Names = [Id("bbb")], Type = Id("string"), Tag = new BasicLit { Kind = Token.String, Value = "`json:\"b\"`" } },
                Param("cc", new ArrayType { Elt = Id("float64") })),
        };
        var file = File("p", Group(Token.Type, TypeDef("T", structType)));
        Assert.Equal(
            "package p\n\ntype T struct {\n\ta   int\n\tbbb string `json:\"b\"`\n\tcc  []float64\n}\n",
            Print(file));
    }

    [Fact]
    public void ConstGroupAlignsNamesTypesAndValues()
    {
        var file = File("p", new GenDecl
        {
            Tok = Token.Const,
            Lparen = new Pos(0),
            Specs =
            [
                Value("a", null, Int("1")),
                Value("bbbb", Id("int"), Int("2")),
                Value("cc", null, Str("x")),
            ],
        });
        Assert.Equal(
            "package p\n\nconst (\n\ta        = 1\n\tbbbb int = 2\n\tcc       = \"x\"\n)\n",
            Print(file));
    }

    [Fact]
    public void ImportsWithoutPositionsAreSortedAndDeduplicatedAsGofmtWould()
    {
        var file = File("main", Import("os", "fmt", "os"), Func("main", Fields(), null, Do(Call(Sel(Id("fmt"), "Println"), Sel(Id("os"), "Args")))));
        Assert.Equal(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(os.Args)\n}\n",
            Print(file));
    }

    [Fact]
    public void ControlFlowStatementsPrintWithGofmtLayout()
    {
        var loop = new RangeStmt
        {
            Key = Id("i"),
            Value = Id("v"),
            Tok = Token.Define,
            X = Id("xs"),
            Body = Block(new IfStmt
            {
                Cond = Bin(Id("v"), Token.Gtr, Int("0")),
                Body = Block(Assign(Id("n"), Bin(Id("n"), Token.Add, Id("i")))),
                Else = Block(new BranchStmt { Tok = Token.Continue }),
            }),
        };
        var sw = new SwitchStmt
        {
            Tag = Id("n"),
            Body = Block(
                new CaseClause { List = [Int("0"), Int("1")], Body = [Return(Str("small"))] },
                new CaseClause { Body = [Return(Str("big"))] }),
        };
        var file = File("p", Func("f", Fields(Param("xs", new ArrayType { Elt = Id("int") })), Fields(Param(null, Id("string"))),
            new DeclStmt { Decl = Group(Token.Var, Value("n", Id("int"))) }, loop, sw));
        Assert.Equal(
            """
            package p

            func f(xs []int) string {
            	var n int
            	for i, v := range xs {
            		if v > 0 {
            			n = n + i
            		} else {
            			continue
            		}
            	}
            	switch n {
            	case 0, 1:
            		return "small"
            	default:
            		return "big"
            	}
            }

            """.ReplaceLineEndings("\n"),
            Print(file));
    }

    [Fact]
    public void FunctionLiteralWithoutPositionsGetsAMultiLineBody()
    {
        var lit = new FuncLit
        {
            Type = new FuncType { Params = Fields(Param("x", Id("int"))), Results = Fields(Param(null, Id("int"))) },
            Body = Block(Return(Bin(Id("x"), Token.Mul, Int("2")))),
        };
        // go/printer keeps a body on the header's line only when the source had it there.
        Assert.Equal("func(x int) int {\n\treturn x * 2\n}", Print(lit));
    }

    [Fact]
    public void CompositeLiteralWithoutPositionsStaysOnOneLine()
    {
        var lit = new CompositeLit
        {
            Type = new MapType { Key = Id("string"), Value = Id("int") },
            Elts = [new KeyValueExpr { Key = Str("a"), Value = Int("1") }, new KeyValueExpr { Key = Str("b"), Value = Int("2") }],
        };
        Assert.Equal("map[string]int{\"a\": 1, \"b\": 2}", Print(lit));
    }

    [Fact]
    public void NumberLiteralsAreNormalisedLikeGofmt()
    {
        Assert.Equal("0xabp10", Print(new BasicLit { Kind = Token.Float, Value = "0XabP10" }));
        Assert.Equal("1e5", Print(new BasicLit { Kind = Token.Float, Value = "1E5" }));
        Assert.Equal("0o17", Print(new BasicLit { Kind = Token.Int, Value = "0O17" }));
        Assert.Equal("123i", Print(new BasicLit { Kind = Token.Imag, Value = "0123i" }));
        var raw = GoPrinter.Print(new BasicLit { Kind = Token.Int, Value = "0X1F" }, PrinterOptions.Gofmt with { Mode = PrinterMode.UseSpaces | PrinterMode.TabIndent });
        Assert.Equal("0X1F", raw.Text);
    }

    [Fact]
    public void PositionlessCommentsGoOnTheirOwnLinesOrAtLineEnds()
    {
        static CommentGroup Comments(params string[] texts) => new() { List = [.. texts.Select(text => new Comment { Text = text })] };
        var structType = new StructType
        {
            Fields = Fields(
                new Field { Names = [Id("a")], Type = Id("int"), Comment = Comments("// the a") },
                new Field { Doc = Comments("// doc of b", "/* more */"), Names = [Id("bbbbb")], Type = Id("string"), Comment = Comments("/* b */") },
                Param("c", Id("int"))),
        };
        var file = File("p",
            new GenDecl { Tok = Token.Import, Specs = [new ImportSpec { Path = Str("fmt"), Comment = Comments("// for Println") }] },
            new GenDecl { Doc = Comments("// T is a type."), Tok = Token.Type, Specs = [new TypeSpec { Name = Id("T"), Type = structType, Comment = Comments("// trailing T") }] },
            new FuncDecl { Doc = Comments("// F does."), Name = Id("F"), Type = new FuncType(), Body = Block(Do(Call(Id("f")))) });
        file.Doc = Comments("// Package p is a test.");
        Assert.Equal(
            """
            // Package p is a test.
            package p

            import "fmt" // for Println

            // T is a type.
            type T struct {
            	a int // the a
            	// doc of b
            	/* more */
            	bbbbb string /* b */
            	c     int
            } // trailing T

            // F does.
            func F() {
            	f()
            }

            """.ReplaceLineEndings("\n"),
            Print(file));
    }

    [Fact]
    public void PositionsKeepTheSourcesBlankLinesAndLineComments()
    {
        // Source (one statement per line, a blank line between them, a trailing comment):
        //   package p\n\nfunc f() {\n\ta()\n\n\tb() // done\n}\n
        const string source = "package p\n\nfunc f() {\n\ta()\n\n\tb() // done\n}\n";
        var fset = new FileSet();
        var tokenFile = fset.AddFile("p.go", -1, source.Length);
        tokenFile.SetLinesForContent(System.Text.Encoding.UTF8.GetBytes(source));
        Pos At(string text, int occurrence = 0)
        {
            var index = -1;
            for (var i = 0; i <= occurrence; i++) index = source.IndexOf(text, index + 1, StringComparison.Ordinal);
            return tokenFile.Pos(index);
        }
        CallExpr CallAt(string name) => new()
        {
            Fun = new Ident { Name = name, NamePos = At(name + "()") },
            Lparen = At(name + "()") + 1,
            Rparen = At(name + "()") + 2,
        };
        var comment = new CommentGroup { List = [new Comment { Slash = At("//"), Text = "// done" }] };
        var file = new Zylisp.Zast.Ast.File
        {
            Package = At("package"),
            Name = new Ident { Name = "p", NamePos = At("p\n") },
            Decls =
            [
                new FuncDecl
                {
                    Name = new Ident { Name = "f", NamePos = At("f()") },
                    Type = new FuncType { Func = At("func"), Params = new FieldList { Opening = At("()"), Closing = At("()") + 1 } },
                    Body = new BlockStmt { Lbrace = At("{"), List = [new ExprStmt { X = CallAt("a") }, new ExprStmt { X = CallAt("b") }], Rbrace = At("}") },
                },
            ],
            Comments = [comment],
        };
        var result = GoPrinter.Print(fset, file);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(source, result.Text);
    }
}
