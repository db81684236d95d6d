using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>Terse constructors for position-less trees, the way a code generator builds them.</summary>
internal static class GoAstFactory
{
    public static Ident Id(string name) => new() { Name = name };

    public static BasicLit Int(string value) => new() { Kind = Token.Int, Value = value };

    public static BasicLit Str(string value) => new() { Kind = Token.String, Value = "\"" + value + "\"" };

    public static BinaryExpr Bin(Expr x, Token op, Expr y) => new() { X = x, Op = op, Y = y };

    public static UnaryExpr Un(Token op, Expr x) => new() { Op = op, X = x };

    public static CallExpr Call(Expr fun, params Expr[] args) => new() { Fun = fun, Args = [.. args] };

    public static SelectorExpr Sel(Expr x, string name) => new() { X = x, Sel = Id(name) };

    public static ExprStmt Do(Expr x) => new() { X = x };

    public static AssignStmt Define(Expr lhs, Expr rhs) => new() { Lhs = [lhs], Tok = Token.Define, Rhs = [rhs] };

    public static AssignStmt Assign(Expr lhs, Expr rhs) => new() { Lhs = [lhs], Tok = Token.Assign, Rhs = [rhs] };

    public static ReturnStmt Return(params Expr[] results) => new() { Results = [.. results] };

    public static BlockStmt Block(params Stmt[] list) => new() { List = [.. list] };

    public static Field Param(string? name, Expr type) => new() { Names = name is null ? [] : [Id(name)], Type = type };

    public static FieldList Fields(params Field[] fields) => new() { List = [.. fields] };

    public static FuncDecl Func(string name, FieldList parameters, FieldList? results, params Stmt[] body) => new()
    {
        Name = Id(name),
        Type = new FuncType { Params = parameters, Results = results },
        Body = Block(body),
    };

    public static GenDecl Import(params string[] paths) => new()
    {
        Tok = Token.Import,
        Specs = [.. paths.Select(path => (Spec)new ImportSpec { Path = Str(path) })],
    };

    public static ValueSpec Value(string name, Expr? type, params Expr[] values) => new()
    {
        Names = [Id(name)],
        Type = type,
        Values = [.. values],
    };

    public static GenDecl Group(Token tok, params Spec[] specs) => new() { Tok = tok, Specs = [.. specs] };

    public static TypeSpec TypeDef(string name, Expr type) => new() { Name = Id(name), Type = type };

    public static Zylisp.Zast.Ast.File File(string package, params Decl[] decls) => new() { Name = Id(package), Decls = [.. decls] };

    /// <summary>Prints <paramref name="node"/> without positions and asserts that printing succeeded.</summary>
    public static string Print(Node node)
    {
        var result = Zylisp.Zast.Printing.GoPrinter.Print(node);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Text;
    }
}
