using Zylisp.Lang.Runtime;
using Zylisp.Lang.Analysis;
using Zylisp.Zast.Ast;
using static Zylisp.Compiler.Go.Emit.GoSyntax;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Primitive calls that become Go operators or fixed-arity runtime calls. Operators apply only
/// when both operands have plain Go number types and are not both literals (Go would fold
/// literal arithmetic at compile time and reject overflow, where Zylisp wraps).
/// </summary>
internal static class Operators
{
    // A switch, not a Dictionary<string, Token>: a dictionary of an enum is JIT-compiled on every build.
    private static Token Arithmetic(string name) => name switch { "+" => Token.Add, "-" => Token.Sub, "*" => Token.Mul, _ => Token.Illegal };

    private sealed record Comparison(Token Op, string Fast);

    private sealed record IntOperation(string Name, GoType Result);

    private static readonly Dictionary<string, Comparison> Comparisons = new()
    {
        ["<"] = new(Token.Lss, "Lt2"), [">"] = new(Token.Gtr, "Gt2"), ["<="] = new(Token.Leq, "Le2"), [">="] = new(Token.Geq, "Ge2"), ["=="] = new(Token.Eql, "NumEq2"),
    };

    private static readonly Dictionary<string, string> Binary2 = new()
    {
        ["+"] = "Add2", ["-"] = "Sub2", ["*"] = "Mul2", ["/"] = "Div2", ["get"] = "Get2", ["nth"] = "Nth2", ["conj"] = "Conj2", ["cons"] = "Cons2",
    };

    private static readonly Dictionary<string, string> Unary1 = new()
    {
        ["inc"] = "Inc1", ["dec"] = "Dec1", ["first"] = "First1", ["rest"] = "Rest1", ["next"] = "Next1", ["count"] = "Count1",
    };

    private static readonly Dictionary<string, IntOperation> IntSpecialised = new()
    {
        ["+"] = new("AddInt", GoType.Dynamic), ["-"] = new("SubInt", GoType.Dynamic), ["*"] = new("MulInt", GoType.Dynamic),
        ["<"] = new("LtInt", GoType.Bool), ["<="] = new("LeInt", GoType.Bool), [">"] = new("GtInt", GoType.Bool), [">="] = new("GeInt", GoType.Bool), ["=="] = new("NumEqInt", GoType.Bool),
    };

    public static GoExpr? TryEmit(string name, List<GoExpr> args)
    {
        if (args.Count == 2)
        {
            var (a, b) = (args[0], args[1]);
            bool typedNumbers = a.Type.IsNumber && b.Type.IsNumber && !(a.IsConstant && b.IsConstant);
            if (Arithmetic(name) is var op && op != Token.Illegal && typedNumbers)
            {
                var (x, y, t) = Unify(a, b);
                return new GoExpr(Tight(x, op, y), t);
            }

            if (name == "/" && typedNumbers && !(b.IsConstant && b.Node is BasicLit { Value: "0" or "0.0" }))
            {
                var (x, y, t) = Unify(a, b);
                return new GoExpr(Tight(x, Token.Quo, y), t);
            }

            if (Comparisons.TryGetValue(name, out var cmp))
            {
                if (typedNumbers)
                {
                    var (x, y, _) = Unify(a, b);
                    return new GoExpr(Tight(x, cmp.Op, y), GoType.Bool);
                }

                if (a.Type.IsDynamic && b.Type == GoType.Int)
                {
                    return new GoExpr(RtCall(IntSpecialised[name].Name, a.Node, b.Node), GoType.Bool);
                }

                return new GoExpr(RtCall(cmp.Fast, a.Node, b.Node), GoType.Bool);
            }

            if (name == "=")
            {
                bool sameScalar = a.Type == b.Type && a.Type.Kind is TypeKind.Integer or TypeKind.String or TypeKind.Bool && !(a.IsConstant && b.IsConstant);
                return new GoExpr(sameScalar ? Binary(a.Node, Token.Eql, b.Node) : RtCall("Equal", a.Node, b.Node), GoType.Bool);
            }

            // One side an integer: the runtime's int-specialised fast paths, which Go inlines.
            if (IntSpecialised.TryGetValue(name, out var intFast) && a.Type.IsDynamic && b.Type == GoType.Int)
            {
                return new GoExpr(RtCall(intFast.Name, a.Node, b.Node), intFast.Result);
            }

            if (name is "+" or "*" && b.Type.IsDynamic && a.Type == GoType.Int && (a.IsConstant || a.Node is Ident))
            {
                return new GoExpr(RtCall(IntSpecialised[name].Name, b.Node, a.Node), GoType.Dynamic);
            }

            if (Binary2.TryGetValue(name, out var fast))
            {
                return new GoExpr(RtCall(fast, a.Node, b.Node), GoType.Dynamic);
            }
        }

        if (args.Count == 1)
        {
            var a = args[0];
            if (name == "-" && a.Type.IsNumber && !a.IsConstant)
            {
                return new GoExpr(Neg(Wrap(a.Node)), a.Type);
            }

            if (name is "inc" or "dec" && a.Type.IsNumber && !a.IsConstant)
            {
                return new GoExpr(Binary(a.Node, name == "inc" ? Token.Add : Token.Sub, Int(1)), a.Type);
            }

            if (name == "not")
            {
                return new GoExpr(a.Type == GoType.Bool ? Not(a.Node) : Not(RtCall("Truthy", a.Node)), GoType.Bool);
            }

            if (name == "nil?")
            {
                if (a.IsConstant)
                {
                    return new GoExpr(Id(a.Node is Ident { Name: "nil" } ? "true" : "false"), GoType.Bool);
                }

                return new GoExpr(a.Type.IsDynamic ? Binary(a.Node, Token.Eql, Nil) : Id("false"), GoType.Bool);
            }

            if (name == "empty?")
            {
                return new GoExpr(RtCall("IsEmpty1", a.Node), GoType.Bool);
            }

            if (Unary1.TryGetValue(name, out var fast))
            {
                return new GoExpr(RtCall(fast, a.Node), GoType.Dynamic);
            }
        }

        return null;
    }

    /// <summary>Brings two numbers to one Go type: an integer variable next to a float becomes float64(x).</summary>
    private static (Expr X, Expr Y, GoType Type) Unify(GoExpr a, GoExpr b)
    {
        if (a.Type == b.Type)
        {
            return (Wrap(a.Node), Wrap(b.Node), a.Type);
        }

        Expr ToFloat(GoExpr e) => e.Type == GoType.Float || e.IsConstant ? Wrap(e.Node) : Call(Id("float64"), e.Node);
        return (ToFloat(a), ToFloat(b), GoType.Float);
    }

    /// <summary>
    /// x op y without the parentheses Go's precedence makes redundant (<c>p.X*p.X + p.Y*p.Y</c>): a
    /// left operand binding at least as tightly, a right operand binding more tightly. Both sides
    /// evaluate exactly as before; only the text changes.
    /// </summary>
    internal static Expr Tight(Expr x, Token op, Expr y)
    {
        if (x is ParenExpr { X: BinaryExpr left } && left.Op.Precedence() >= op.Precedence())
        {
            x = left;
        }

        if (y is ParenExpr { X: BinaryExpr right } && right.Op.Precedence() > op.Precedence())
        {
            y = right;
        }

        return Binary(x, op, y);
    }

    /// <summary>Parenthesizes a nested binary expression; the printer keeps precedence as written.</summary>
    private static Expr Wrap(Expr e) => e is BinaryExpr ? Paren(e) : e;
}
