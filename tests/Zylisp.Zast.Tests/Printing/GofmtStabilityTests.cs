using Zylisp.Zast.Ast;
using Zylisp.Zast.Printing;
using Zylisp.Zast.Tests.Oracle;
using static Zylisp.Zast.Tests.Printing.GoAstFactory;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>
/// Trees built without positions (as the Go backend builds them) must print as source gofmt
/// leaves unchanged. Skipped, with a message, when Go is not installed.
/// </summary>
public class GofmtStabilityTests
{
    [GoFact]
    public void RandomPositionlessFilesAreGofmtStable()
    {
        var dir = Directory.CreateTempSubdirectory("zast-printer-gofmt-").FullName;
        try
        {
            var paths = new List<string>();
            for (var seed = 0; seed < 40; seed++)
            {
                var trees = new RandomGoTrees(seed);
                var file = File("p", Import("strings", "fmt", "os"));
                for (var i = 0; i < 10; i++) file.Decls.Add(trees.Function($"f{i}"));
                var path = Path.Combine(dir, $"random{seed}.go");
                System.IO.File.WriteAllText(path, Print(file));
                paths.Add(path);
            }
            var unstable = Gofmt.Unformatted(paths);
            Assert.True(unstable.Count == 0, "gofmt changes:\n" + string.Join("\n", unstable.Take(3).Select(Gofmt.Diff)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GoFact]
    public void PositionlessDeclarationsOfEveryKindAreGofmtStable()
    {
        var structType = new StructType
        {
            Fields = Fields(
                Param("a", Id("int")),
                new Field { Names = [Id("b"), Id("c")], Type = new MapType { Key = Id("string"), Value = new StarExpr { X = Id("T") } } },
                new Field { Type = Sel(Id("io"), "Reader"), Comment = new CommentGroup { List = [new Comment { Text = "// embedded" }] } },
                new Field { Names = [Id("d")], Type = new ChanType { Dir = ChanDir.Recv, Value = Id("int") }, Tag = new BasicLit { Kind = Token.String, Value = "`x:\"y\"`" } }),
        };
        var iface = new InterfaceType
        {
            Methods = Fields(
                new Field { Names = [Id("Read")], Type = new FuncType { Params = Fields(Param("p", new ArrayType { Elt = Id("byte") })), Results = Fields(Param("n", Id("int")), Param("err", Id("error"))) } },
                new Field { Type = Id("fmt.Stringer") }),
        };
        var generic = new FuncDecl
        {
            Doc = new CommentGroup { List = [new Comment { Text = "// Map returns the values of keys in m." }, new Comment { Text = "//" }, new Comment { Text = "/* In order. */" }] },
            Name = Id("Map"),
            Type = new FuncType
            {
                TypeParams = Fields(new Field { Names = [Id("K"), Id("V")], Type = Id("any") }),
                Params = Fields(Param("m", new MapType { Key = Id("K"), Value = Id("V") }), Param("keys", new Ellipsis { Elt = Id("K") })),
                Results = Fields(Param(null, new ArrayType { Elt = Id("V") })),
            },
            Body = Block(
                Define(Id("out"), Call(Id("make"), new ArrayType { Elt = Id("V") }, Int("0"), Call(Id("len"), Id("keys")))),
                new RangeStmt { Key = Id("_"), Value = Id("k"), Tok = Token.Define, X = Id("keys"), Body = Block(Assign(Id("out"), Call(Id("append"), Id("out"), new IndexExpr { X = Id("m"), Index = Id("k") }))) },
                new LabeledStmt { Label = Id("done"), Stmt = Return(Id("out")) }),
        };
        var file = File("p",
            Import("io", "fmt"),
            new GenDecl { Tok = Token.Const, Specs = [Value("A", null, new BasicLit { Kind = Token.Float, Value = "1E3" }), Value("BB", Id("int"), Int("0X1F"))] },
            new GenDecl { Tok = Token.Var, Specs = [Value("x", null, new CompositeLit { Type = new ArrayType { Elt = Id("int") }, Elts = [Int("1"), Int("2")] })] },
            Group(Token.Type, TypeDef("S", structType)),
            Group(Token.Type, TypeDef("I", iface), new TypeSpec { Name = Id("Alias"), Assign = new Pos(0), Type = Id("S") }),
            generic,
            Func("sel", Fields(Param("c", new ChanType { Value = Id("int") })), null,
                new SelectStmt { Body = Block(new CommClause { Comm = Do(Un(Token.Arrow, Id("c"))), Body = [new BranchStmt { Tok = Token.Break }] }, new CommClause()) },
                new TypeSwitchStmt { Assign = Define(Id("v"), new TypeAssertExpr { X = Id("c") }), Body = Block(new CaseClause { List = [Id("int")] }) },
                new DeferStmt { Call = Call(new FuncLit { Type = new FuncType { Params = Fields() }, Body = Block() }) },
                new ForStmt { Init = Define(Id("i"), Int("0")), Cond = Bin(Id("i"), Token.Lss, Int("3")), Post = new IncDecStmt { X = Id("i"), Tok = Token.Inc }, Body = Block() }));

        var dir = Directory.CreateTempSubdirectory("zast-printer-gofmt-").FullName;
        try
        {
            var path = Path.Combine(dir, "decls.go");
            System.IO.File.WriteAllText(path, Print(file));
            var unstable = Gofmt.Unformatted([path]);
            Assert.True(unstable.Count == 0, "gofmt changes:\n" + Gofmt.Diff(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
