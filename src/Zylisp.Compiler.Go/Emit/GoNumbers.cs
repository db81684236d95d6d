using System.Globalization;
using Zylisp.Lang.Runtime;
using Zylisp.Zast.Ast;
using static Zylisp.Compiler.Go.Emit.GoSyntax;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Go's number types in typed code (int32, uint8, float32 …; docs/design/go-backend.md, "Go number
/// types"). The analyzer marks what has a narrow type with <c>(%narrow "int32" x)</c>; everything
/// else is a Zylisp integer or float. So a primitive gets its operands widened (<c>int(a)</c>), and
/// a mark turns widened arithmetic back into Go arithmetic on the Go type (<c>a + b</c>, which
/// wraps as the mark's wrap does), or converts (<c>int32(x)</c>, which wraps the same way).
/// </summary>
internal sealed class GoNumbers
{
    /// <summary>The analyzer's mark (Zylisp.Lang's GoNumberTypes.Marker), a prelude function.</summary>
    public const string Marker = "%narrow";

    // Operands widened for a primitive, by the node made for them, with what they were.
    private readonly Dictionary<Expr, GoExpr> widened = new(ReferenceEqualityComparer.Instance);

    /// <summary>A value as a primitive takes it: Go number types become Zylisp numbers, slices vectors (<see cref="GoType.ToDynamic"/>).</summary>
    public GoExpr Widen(GoExpr value)
    {
        var wide = GoType.ToDynamic(value);
        if (!ReferenceEquals(wide, value))
        {
            widened[wide.Node] = value;
        }

        return wide;
    }

    /// <summary>
    /// The marked value as the Go type: itself when it has it; widened <c>+ - *</c> on operands of
    /// the type (or constants) rebuilt as Go arithmetic on it; else a Go conversion (a constant is
    /// wrapped here, since Go rejects an overflowing constant conversion).
    /// </summary>
    public GoExpr Narrow(string typeName, GoExpr value, string function)
    {
        var type = GoType.FromAnnotation(new TypeAnnotation(typeName, TypeKind.Any));
        if (value.Type == type)
        {
            return value;
        }

        if (value.Node is BinaryExpr { Op: Token.Add or Token.Sub or Token.Mul } b && Native(b.X, type) is { } x && Native(b.Y, type) is { } y)
        {
            return new GoExpr(Operators.Tight(Paren(x), b.Op, Paren(y)), type);
        }

        if (value.Node is UnaryExpr { Op: Token.Sub, X: var negated } && Native(negated, type) is { } operand)
        {
            return new GoExpr(Neg(Paren(operand)), type);
        }

        if (value.IsConstant && value.Node is BasicLit { Kind: Token.Int } literal && type.IsGoInteger)
        {
            return new GoExpr(Int(Wrap(typeName, long.Parse(literal.Value, CultureInfo.InvariantCulture))), type, true);
        }

        return Convert(value, type) ?? new GoExpr(
            Call(new IndexExpr { X = Rt("AsGo"), Index = type.ToSyntax() }, value.Type.IsDynamic ? value.Node : Call(Rt("Value"), value.Node), Str(function), Str("value")),
            type);
    }

    /// <summary>A Go conversion between a Zylisp number and a Go number type (both wrap alike), or null.</summary>
    public static GoExpr? Convert(GoExpr value, GoType target)
    {
        if (value.IsConstant)
        {
            // A literal argument: Go's untyped constant, wrapped first as the interpreter wraps it on reading.
            return target.IsGoInteger && value.Node is BasicLit { Kind: Token.Int } literal && !(FullWidth(target.Name) && literal.Value.StartsWith('-'))
                ? new GoExpr(Int(Wrap(target.Name, long.Parse(literal.Value, CultureInfo.InvariantCulture))), target, true)
                : null;
        }

        if ((target.IsGoInteger && (value.Type == GoType.Int || value.Type.IsGoInteger))
            || (target.IsGoFloat && (value.Type == GoType.Float || value.Type.IsGoFloat))
            || (target == GoType.Int && value.Type.IsGoInteger)
            || (target == GoType.Float && value.Type.IsGoFloat))
        {
            return new GoExpr(Call(target.ToSyntax(), value.Node), target);
        }

        return null;
    }

    /// <summary>A comparison of two values of one narrow Go type, as a Go comparison (the same as comparing them widened).</summary>
    public static GoExpr? TryCompare(string name, List<GoExpr> args)
    {
        if (args is not [var a, var b])
        {
            return null;
        }

        // A literal next to a narrow value is Go's untyped constant when it fits the type.
        var type = a.IsConstant ? b.Type : a.Type;
        if (!(type.IsGoFloat || (type.IsGoInteger && !FullWidth(type.Name))) || !SameOrFitting(a, type) || !SameOrFitting(b, type))
        {
            return null;
        }

        Token op = name switch
        {
            "<" => Token.Lss,
            ">" => Token.Gtr,
            "<=" => Token.Leq,
            ">=" => Token.Geq,
            "==" or "=" => Token.Eql,
            _ => Token.Illegal,
        };
        return op == Token.Illegal ? null : new GoExpr(Binary(a.Node, op, b.Node), GoType.Bool);
    }

    private static bool SameOrFitting(GoExpr e, GoType type) =>
        e.Type == type
        || (e.IsConstant && type.IsGoInteger && e.Node is BasicLit { Kind: Token.Int } literal && long.TryParse(literal.Value, CultureInfo.InvariantCulture, out var n) && Wrap(type.Name, n) == n)
        || (e.IsConstant && type.IsGoFloat && e.Node is BasicLit { Kind: Token.Float });

    // uint64, uint and uintptr have all 64 bits: as Zylisp integers they compare signed, so Go's unsigned comparison would differ.
    private static bool FullWidth(string name) => name is "uint64" or "uint" or "uintptr";

    private Expr? Native(Expr side, GoType type)
    {
        if (side is ParenExpr p)
        {
            return Native(p.X, type) is { } inner ? Paren(inner) : null;
        }

        if (side is BasicLit { Kind: Token.Int or Token.Float } && !(type.IsGoInteger && side is BasicLit { Kind: Token.Float }))
        {
            return side;
        }

        return widened.TryGetValue(side, out var original) && original.Type == type ? original.Node : null;
    }

    private static Expr Paren(Expr e) => e is BinaryExpr ? GoSyntax.Paren(e) : e;

    private static long Wrap(string type, long n) => type switch
    {
        "int8" => (sbyte)n,
        "int16" => (short)n,
        "int32" or "rune" => (int)n,
        "uint8" or "byte" => (byte)n,
        "uint16" => (ushort)n,
        "uint32" => (uint)n,
        _ => n,
    };
}
