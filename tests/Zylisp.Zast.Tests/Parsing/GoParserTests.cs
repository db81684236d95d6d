using System.Text;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;
using File = Zylisp.Zast.Ast.File;

namespace Zylisp.Zast.Tests.Parsing;

public class GoParserTests
{
    private static ParseResult Parse(string source, GoParserOptions? options = null) =>
        GoParser.ParseFile(new FileSet(), "t.go", source, options);

    private static File ParseOk(string source)
    {
        var result = Parse(source);
        Assert.True(result.Success, result.ErrorSummary);
        return result.File;
    }

    /// <summary>The position of the <paramref name="nth"/> occurrence of <paramref name="text"/> (the file base is 1).</summary>
    private static Pos At(string source, string text, int nth = 0)
    {
        var index = -1;
        for (var i = 0; i <= nth; i++) index = source.IndexOf(text, index + 1, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' not in source");
        return new Pos(1 + Encoding.UTF8.GetByteCount(source.AsSpan(0, index)));
    }

    private static T Body<T>(File file, int index = 0) where T : Stmt =>
        Assert.IsType<T>(((FuncDecl)file.Decls[^1]).Body!.List[index]);

    [Fact]
    public void FileHasPackageNameRangeAndImports()
    {
        const string src = "package p\n\nimport (\n\t\"fmt\"\n\tx \"os\"\n)\n\nimport . \"io\"\n";
        var file = ParseOk(src);
        Assert.Equal(new Pos(1), file.Package);
        Assert.Equal("p", file.Name.Name);
        Assert.Equal(new Pos(1), file.FileStart);
        Assert.Equal(new Pos(1 + src.Length), file.FileEnd);
        Assert.Equal(["\"fmt\"", "\"os\"", "\"io\""], file.Imports.Select(i => i.Path.Value));
        Assert.Equal("x", file.Imports[1].Name!.Name);
        Assert.Equal(".", file.Imports[2].Name!.Name);
        var group = Assert.IsType<GenDecl>(file.Decls[0]);
        Assert.Equal(At(src, "("), group.Lparen);
        Assert.Equal(At(src, ")"), group.Rparen);
        Assert.Same(file.Imports[0], group.Specs[0]);
    }

    [Fact]
    public void BinaryExpressionsFollowPrecedence()
    {
        const string src = "package p\nvar x = a + b*c == d || e";
        var spec = (ValueSpec)((GenDecl)ParseOk(src).Decls[0]).Specs[0];
        var or = Assert.IsType<BinaryExpr>(spec.Values[0]);
        Assert.Equal(Token.LOr, or.Op);
        var eq = Assert.IsType<BinaryExpr>(or.X);
        Assert.Equal(Token.Eql, eq.Op);
        var add = Assert.IsType<BinaryExpr>(eq.X);
        Assert.Equal(Token.Add, add.Op);
        var mul = Assert.IsType<BinaryExpr>(add.Y);
        Assert.Equal(At(src, "*"), mul.OpPos);
    }

    [Fact]
    public void CompositeLiteralIsNotParsedInControlClauseWithoutParentheses()
    {
        const string src = "package p\nfunc f() {\n\tfor x := range T{} {\n\t}\n\tif (T{}) == x {\n\t}\n}";
        var file = ParseOk(src.Replace("range T{}", "range t", StringComparison.Ordinal));
        var range = Body<RangeStmt>(file);
        Assert.Equal(Token.Define, range.Tok);
        var ifStmt = Body<IfStmt>(file, 1);
        var cond = Assert.IsType<BinaryExpr>(ifStmt.Cond);
        Assert.IsType<CompositeLit>(Assert.IsType<ParenExpr>(cond.X).X);
    }

    [Fact]
    public void RangeStatementRecordsRangeKeywordAndOptionalKey()
    {
        const string src = "package p\nfunc f() {\n\tfor range ch {\n\t}\n\tfor k, v = range m {\n\t}\n}";
        var file = ParseOk(src);
        var bare = Body<RangeStmt>(file);
        Assert.Null(bare.Key);
        Assert.Equal(Token.Illegal, bare.Tok);
        Assert.Equal(Pos.NoPos, bare.TokPos);
        Assert.Equal(At(src, "range"), bare.Range);
        var keyed = Body<RangeStmt>(file, 1);
        Assert.Equal(Token.Assign, keyed.Tok);
        Assert.Equal(At(src, "range", 1), keyed.Range);
        Assert.Equal("v", Assert.IsType<Ident>(keyed.Value).Name);
    }

    [Fact]
    public void LabelBeforeClosingBraceGetsImplicitEmptyStatement()
    {
        const string src = "package p\nfunc f() {\nL:\n}";
        var labeled = Body<LabeledStmt>(ParseOk(src));
        var empty = Assert.IsType<EmptyStmt>(labeled.Stmt);
        Assert.True(empty.Implicit);
        Assert.Equal(At(src, "}"), empty.Semicolon);
    }

    [Fact]
    public void ExplicitSemicolonIsAnEmptyStatement()
    {
        const string src = "package p\nfunc f() {\n\t;\n}";
        var empty = Body<EmptyStmt>(ParseOk(src));
        Assert.False(empty.Implicit);
        Assert.Equal(At(src, ";"), empty.Semicolon);
    }

    [Fact]
    public void TypeSwitchAndSelectClauses()
    {
        const string src = "package p\nfunc f() {\n\tswitch y := x.(type) {\n\tcase int, string:\n\tdefault:\n\t}\n\tselect {\n\tcase v, ok := <-c:\n\tcase c <- 1:\n\tdefault:\n\t}\n}";
        var file = ParseOk(src);
        var ts = Body<TypeSwitchStmt>(file);
        Assert.IsType<AssignStmt>(ts.Assign);
        var cases = ts.Body.List.Cast<CaseClause>().ToList();
        Assert.Equal(2, cases[0].List.Count);
        Assert.Empty(cases[1].List);
        var select = Body<SelectStmt>(file, 1);
        var comms = select.Body.List.Cast<CommClause>().ToList();
        Assert.IsType<AssignStmt>(comms[0].Comm);
        Assert.IsType<SendStmt>(comms[1].Comm);
        Assert.Null(comms[2].Comm);
    }

    [Fact]
    public void ReceiveChannelTypeIsReassociated()
    {
        const string src = "package p\nvar c <-chan <-chan int";
        var spec = (ValueSpec)((GenDecl)ParseOk(src).Decls[0]).Specs[0];
        var outer = Assert.IsType<ChanType>(spec.Type);
        Assert.Equal(ChanDir.Recv, outer.Dir);
        Assert.Equal(At(src, "<-"), outer.Begin);
        Assert.Equal(At(src, "<-"), outer.Arrow);
        var inner = Assert.IsType<ChanType>(outer.Value);
        Assert.Equal(ChanDir.Recv, inner.Dir);
        Assert.Equal(At(src, "<-", 1), inner.Arrow);
    }

    [Fact]
    public void TypeParameterListsAndArrayLengthsAreTold()
    {
        const string src = "package p\ntype A[N] int\ntype B[P *[]int] int\ntype C[P *C,] int\ntype D[N * M] int\ntype E[P any, Q ~int | string] int";
        var specs = ParseOk(src).Decls.Cast<GenDecl>().Select(d => (TypeSpec)d.Specs[0]).ToList();
        Assert.Null(specs[0].TypeParams);
        Assert.IsType<Ident>(Assert.IsType<ArrayType>(specs[0].Type).Len);
        var star = Assert.IsType<StarExpr>(Assert.Single(specs[1].TypeParams!.List).Type);
        Assert.Equal(At(src, "*["), star.Star);
        Assert.IsType<StarExpr>(Assert.Single(specs[2].TypeParams!.List).Type);
        Assert.IsType<BinaryExpr>(Assert.IsType<ArrayType>(specs[3].Type).Len);
        Assert.Equal(2, specs[4].TypeParams!.NumFields());
        var union = Assert.IsType<BinaryExpr>(specs[4].TypeParams!.List[1].Type);
        Assert.Equal(Token.Or, union.Op);
        Assert.Equal(Token.Tilde, Assert.IsType<UnaryExpr>(union.X).Op);
    }

    [Fact]
    public void ParenthesizedConstraintKeepsItsParenthesesAsGo122Does()
    {
        const string src = "package p\ntype J[P ([]int)] P";
        var spec = (TypeSpec)((GenDecl)ParseOk(src).Decls[0]).Specs[0];
        var paren = Assert.IsType<ParenExpr>(Assert.Single(spec.TypeParams!.List).Type);
        Assert.Equal(At(src, "("), paren.Lparen);
        Assert.IsType<ArrayType>(paren.X);
    }

    [Fact]
    public void InstantiationsBecomeIndexAndIndexListExpressions()
    {
        const string src = "package p\nvar _ = f[int]\nvar _ = g[int, string]\nvar _ T[int, string]";
        var specs = ParseOk(src).Decls.Cast<GenDecl>().Select(d => (ValueSpec)d.Specs[0]).ToList();
        Assert.IsType<IndexExpr>(specs[0].Values[0]);
        Assert.Equal(2, Assert.IsType<IndexListExpr>(specs[1].Values[0]).Indices.Count);
        Assert.Equal(2, Assert.IsType<IndexListExpr>(specs[2].Type).Indices.Count);
    }

    [Fact]
    public void ParametersSharingATypeAreGrouped()
    {
        const string src = "package p\nfunc f(a, b int, c ...string) (x, y int) {}";
        var decl = (FuncDecl)ParseOk(src).Decls[0];
        Assert.Equal(2, decl.Type.Params.List.Count);
        Assert.Equal(["a", "b"], decl.Type.Params.List[0].Names.Select(n => n.Name));
        Assert.IsType<Ellipsis>(decl.Type.Params.List[1].Type);
        Assert.Single(decl.Type.Results!.List);
        Assert.Equal(At(src, "("), decl.Type.Params.Opening);
    }

    [Fact]
    public void DocAndLineCommentsAreAttached()
    {
        const string src = "// File doc.\npackage p\n\n// T doc.\ntype T struct {\n\t// a doc\n\ta int // a line\n}\n\nvar (\n\t// v doc\n\tv = 1 // v line\n)\n\n// F doc.\nfunc F() {}\n";
        var file = ParseOk(src);
        Assert.Equal("// File doc.", file.Doc!.List[0].Text);
        var typeDecl = (GenDecl)file.Decls[0];
        Assert.Equal("// T doc.", typeDecl.Doc!.List[0].Text);
        var field = ((StructType)((TypeSpec)typeDecl.Specs[0]).Type).Fields.List[0];
        Assert.Equal("// a doc", field.Doc!.List[0].Text);
        Assert.Equal("// a line", field.Comment!.List[0].Text);
        var spec = (ValueSpec)((GenDecl)file.Decls[1]).Specs[0];
        Assert.Equal("// v doc", spec.Doc!.List[0].Text);
        Assert.Equal("// v line", spec.Comment!.List[0].Text);
        Assert.Equal("// F doc.", ((FuncDecl)file.Decls[2]).Doc!.List[0].Text);
        Assert.Equal(7, file.Comments.Count);
    }

    [Fact]
    public void CommentsSeparatedByABlankLineFormSeparateGroups()
    {
        const string src = "package p\n\n// a\n// b\n\n// c\nvar x int\n";
        var file = ParseOk(src);
        Assert.Equal(2, file.Comments.Count);
        Assert.Equal(2, file.Comments[0].List.Count);
        Assert.Same(file.Comments[1], ((GenDecl)file.Decls[0]).Doc);
    }

    [Fact]
    public void GoVersionComesFromGoBuildLineBeforePackage()
    {
        Assert.Equal("go1.21", ParseOk("//go:build go1.21 && linux\n\npackage p\n").GoVersion);
        Assert.Equal("", ParseOk("package p\n//go:build go1.21\n").GoVersion);
    }

    [Fact]
    public void LineTableCoversTheWholeFile()
    {
        var fset = new FileSet();
        GoParser.ParseFile(fset, "t.go", "package p\n\nvar x = `a\nb`\n");
        Assert.Equal([0, 10, 11, 22], fset.Files[0].Lines);
    }

    [Theory]
    [InlineData("package p\nfunc f() {\n\tx := )\n}\n", "t.go:3:7: expected operand, found ')'")]
    [InlineData("package p\nvar x = f(1,\n\t2\n)\n", "t.go:3:3: missing ',' before newline in argument list")]
    [InlineData("func f() {}\n", "t.go:1:1: expected 'package', found 'func'")]
    [InlineData("package p\nx := 1\n", "t.go:2:1: expected declaration, found x")]
    [InlineData("package p\nfunc f() {\n\tgo x\n}\n", "t.go:3:6: expression in go must be function call")]
    [InlineData("package p\nfunc f() {\n\tdefer (g())\n}\n", "t.go:3:8: expression in defer must not be parenthesized")]
    [InlineData("package p\nvar s = x[1::]\n", "t.go:2:12: middle index required in 3-index slice")]
    [InlineData("package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n", "t.go:3:5: expected boolean expression, found assignment (missing parentheses around composite literal?)")]
    public void SyntaxErrorsUseGoParserMessages(string source, string firstError)
    {
        var result = Parse(source);
        Assert.False(result.Success);
        Assert.Equal(firstError, result.Errors[0].ToString());
    }

    [Fact]
    public void BadInputLeavesBadNodesInThePartialTree()
    {
        var result = Parse("package p\nfunc f() {\n\tx := )\n\treturn\n}\n");
        var body = ((FuncDecl)result.File.Decls[0]).Body!;
        var assign = Assert.IsType<AssignStmt>(body.List[0]);
        Assert.IsType<BadExpr>(assign.Rhs[0]);
        Assert.IsType<ReturnStmt>(body.List[1]);
    }

    [Fact]
    public void TooManyErrorsStopTheParseWithAnEmptyFile()
    {
        var source = "package p\nfunc f() {\n" + string.Concat(Enumerable.Repeat("\tif {\n\t}\n", 20)) + "}\n";
        var result = Parse(source);
        Assert.Equal(11, result.Errors.Count);
        Assert.Empty(result.File.Decls);
        Assert.Equal(20, Parse(source, new GoParserOptions { AllErrors = true }).Errors.Count);
    }

    [Fact]
    public void DeepNestingIsReportedNotOverflowed()
    {
        var depth = 200_000;
        var source = "package p\nvar x = " + new string('(', depth) + "1" + new string(')', depth) + "\n";
        var result = Parse(source);
        Assert.Contains(result.Errors, e => e.Message == "exceeded max nesting depth");

        var limited = Parse("package p\nvar x = " + new string('(', 20) + "1" + new string(')', 20) + "\n", new GoParserOptions { MaxNestingDepth = 10 });
        Assert.Contains(limited.Errors, e => e.Message == "exceeded max nesting depth");
    }

    [Theory]
    [InlineData("var x = T{", "{", "}", "}")]          // composite literal values: not counted by go/parser, stack-checked here
    [InlineData("func f() {", "{", "}", "}")]          // blocks
    [InlineData("var x ", "[]", "", "int")]            // types
    [InlineData("func f() {", "if x {", "}", "}")]     // statements
    public void DeeplyNestedConstructsStopWithAnErrorOnASmallStack(string prefix, string open, string close, string suffix)
    {
        const int depth = 100_000;
        var source = "package p\n" + prefix + string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth)) + suffix + "\n";
        ParseResult? result = null;
        var thread = new Thread(() => result = Parse(source), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(result);
        Assert.Contains(result.Errors, e => e.Message == "exceeded max nesting depth");
    }

    [Fact]
    public void ErrorSummaryCountsTheRest()
    {
        var result = Parse("package p\nvar = \nvar = \n");
        Assert.Equal($"{result.Errors[0]} (and {result.Errors.Count - 1} more errors)", result.ErrorSummary);
    }
}
