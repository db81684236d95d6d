using Zylisp.Zast.Ast;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>Small constructors for zast nodes, so the emitter reads like the Go it builds.</summary>
internal static class GoSyntax
{
    public static Ident Id(string name) => new() { Name = name };

    public static SelectorExpr Sel(string package, string name) => new() { X = Id(package), Sel = Id(name) };

    public static SelectorExpr Sel(Expr x, string name) => new() { X = x, Sel = Id(name) };

    public static SelectorExpr Rt(string name) => Sel("rt", name);

    public static CallExpr Call(Expr fun, IEnumerable<Expr> args) => new() { Fun = fun, Args = [.. args] };

    public static CallExpr Call(Expr fun, params Expr[] args) => new() { Fun = fun, Args = [.. args] };

    public static CallExpr RtCall(string name, params Expr[] args) => Call(Rt(name), args);

    public static BasicLit Int(long value) => new() { Kind = Token.Int, Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static BasicLit Str(string value) => new() { Kind = Token.String, Value = Zast.Writing.GoString.Quote(value) };

    public static BasicLit Float(string text) => new() { Kind = Token.Float, Value = text };

    public static Ident Nil => Id("nil");

    public static Expr Binary(Expr x, Token op, Expr y) => new BinaryExpr { X = x, Op = op, Y = y };

    public static Expr Not(Expr x) => new UnaryExpr { Op = Token.Not, X = x };

    public static Expr Neg(Expr x) => new UnaryExpr { Op = Token.Sub, X = x };

    public static Expr AddressOf(Expr x) => new UnaryExpr { Op = Token.And, X = x };

    public static Expr Paren(Expr x) => new ParenExpr { X = x };

    public static Stmt ExprStatement(Expr x) => new ExprStmt { X = x };

    public static Stmt Assign(Expr lhs, Expr rhs) => new AssignStmt { Lhs = [lhs], Tok = Token.Assign, Rhs = [rhs] };

    public static Stmt Assign(List<Expr> lhs, List<Expr> rhs) => new AssignStmt { Lhs = lhs, Tok = Token.Assign, Rhs = rhs };

    public static Stmt Define(string name, Expr rhs) => new AssignStmt { Lhs = [Id(name)], Tok = Token.Define, Rhs = [rhs] };

    public static Stmt Return(Expr? x) => new ReturnStmt { Results = x is null ? [] : [x] };

    public static BlockStmt Block(IEnumerable<Stmt> list) => new() { List = [.. list] };

    public static Stmt Break() => new BranchStmt { Tok = Token.Break };

    public static Stmt Continue() => new BranchStmt { Tok = Token.Continue };

    public static Stmt VarDecl(string name, Expr type) =>
        new DeclStmt { Decl = new GenDecl { Tok = Token.Var, Specs = [new ValueSpec { Names = [Id(name)], Type = type }] } };

    public static Field Param(string name, Expr type) => new() { Names = [Id(name)], Type = type };

    public static FuncType FuncType(IEnumerable<Field> parameters, Expr? result) => new()
    {
        Params = new FieldList { List = [.. parameters] },
        Results = result is null ? null : new FieldList { List = [new Field { Type = result }] },
    };

    public static FuncLit FuncLit(FuncType type, IEnumerable<Stmt> body) => new() { Type = type, Body = Block(body) };

    public static CompositeLit Composite(Expr type, IEnumerable<Expr> elements) => new() { Type = type, Elts = [.. elements] };

    public static KeyValueExpr KeyValue(string key, Expr value) => new() { Key = Id(key), Value = value };

    public static Expr RtValue => Rt("Value");
}
