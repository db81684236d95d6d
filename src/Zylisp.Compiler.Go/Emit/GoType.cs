using Zylisp.Lang.Runtime;
using Zylisp.Lang.Analysis;
using Zylisp.Zast.Ast;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// The static Go type of a generated expression: rt.Value for dynamic values, or a plain Go
/// type when the value is known to be one (deffunc annotations, results of typed operations).
/// </summary>
internal sealed record GoType(string Name, TypeKind Kind)
{
    public static readonly GoType Dynamic = new("rt.Value", TypeKind.Any);
    public static readonly GoType Int = new("int", TypeKind.Integer);
    public static readonly GoType Float = new("float64", TypeKind.Float);
    public static readonly GoType String = new("string", TypeKind.String);
    public static readonly GoType Bool = new("bool", TypeKind.Bool);

    public bool IsDynamic => ReferenceEquals(this, Dynamic) || Name == "rt.Value";

    public bool IsNumber => Kind is TypeKind.Integer or TypeKind.Float;

    /// <summary>The type an annotation names: integer/int, float/float64, string, bool; any other name is a Go type.</summary>
    public static GoType FromAnnotation(TypeAnnotation? annotation) => annotation switch
    {
        null => Dynamic,
        { Kind: TypeKind.Integer } => Int,
        { Kind: TypeKind.Float } => Float,
        { Kind: TypeKind.String } => String,
        { Kind: TypeKind.Bool } => Bool,
        { Name: "any" or "Any" } => Dynamic,
        var other => new GoType(other.Name, TypeKind.Any),
    };

    /// <summary>The type as a Go type expression.</summary>
    public Expr ToSyntax()
    {
        if (IsDynamic)
        {
            return GoSyntax.RtValue;
        }

        return TypeSyntax(Name);
    }

    /// <summary>Parses the Go type names annotations allow: T, pkg.T, []T, *T and map[K]V.</summary>
    private static Expr TypeSyntax(string text)
    {
        if (text.StartsWith("[]", StringComparison.Ordinal))
        {
            return new ArrayType { Elt = TypeSyntax(text[2..]) };
        }

        if (text.StartsWith('*'))
        {
            return new StarExpr { X = TypeSyntax(text[1..]) };
        }

        if (text.StartsWith("map[", StringComparison.Ordinal))
        {
            int depth = 0, close = -1;
            for (int i = 3; i < text.Length && close < 0; i++)
            {
                depth += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
                if (depth == 0)
                {
                    close = i;
                }
            }

            if (close > 0)
            {
                return new MapType { Key = TypeSyntax(text[4..close]), Value = TypeSyntax(text[(close + 1)..]) };
            }
        }

        int dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? GoSyntax.Sel(text[..dot], text[(dot + 1)..]) : GoSyntax.Id(text);
    }
}

/// <summary>A generated Go expression with its static type.</summary>
internal sealed record GoExpr(Expr Node, GoType Type, bool IsConstant = false);
