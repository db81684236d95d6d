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

    /// <summary>
    /// A Go integer type narrower than, or unsigned unlike, Zylisp's integer (int8 … int32, uint8 … uint64,
    /// byte, rune, uint, uintptr): a Zylisp integer in dynamic code (docs/design/go-backend.md, "Go number types").
    /// </summary>
    public bool IsGoInteger => Kind == TypeKind.Any && GoIntegers.Contains(Name);

    /// <summary>float32: a Zylisp float in dynamic code.</summary>
    public bool IsGoFloat => Kind == TypeKind.Any && Name == "float32";

    /// <summary>A plain Go value that dynamic code cannot take as it is (a slice, a map, an int32): see <see cref="ToDynamic"/>.</summary>
    public bool NeedsConversionToDynamic => !IsDynamic && Kind == TypeKind.Any && Record is null;

    private static readonly HashSet<string> GoIntegers = new(StringComparer.Ordinal)
    {
        "int8", "int16", "int32", "rune", "uint8", "byte", "uint16", "uint32", "uint64", "uint", "uintptr",
    };

    /// <summary>
    /// A typed value as dynamic code sees it: Go integers become Zylisp integers (int(x)), float32 a
    /// float (float64(x)), slices vectors and maps maps (rt.FromGo, as Go interop converts results).
    /// Zylisp's own types, typed records and dynamic values pass as they are.
    /// </summary>
    public static GoExpr ToDynamic(GoExpr value)
    {
        if (!value.Type.NeedsConversionToDynamic)
        {
            return value;
        }

        if (value.Type.IsGoInteger)
        {
            return new GoExpr(GoSyntax.Call(GoSyntax.Id("int"), value.Node), Int);
        }

        return value.Type.IsGoFloat
            ? new GoExpr(GoSyntax.Call(GoSyntax.Id("float64"), value.Node), Float)
            : new GoExpr(GoSyntax.RtCall("FromGo", value.Node), Dynamic);
    }

    /// <summary>The typed record this struct type stands for, when it is one (<see cref="TypedRecord"/>).</summary>
    public TypedRecord? Record { get; init; }

    /// <summary>
    /// The type an annotation names: integer/int, float/float64, string, bool; the name of a typed
    /// record is its Go struct; a Go type name (<c>int32</c>, <c>[]string</c>, <c>time.Duration</c>)
    /// passes through. A bare name that is neither a record with typed fields nor one of Go's
    /// predeclared types (an untyped record's name, a protocol) names no Go type: the value stays
    /// dynamic, and, as in the interpreter, is not checked.
    /// </summary>
    public static GoType FromAnnotation(TypeAnnotation? annotation, IReadOnlyDictionary<string, TypedRecord>? records = null) => annotation switch
    {
        null => Dynamic,
        { Kind: TypeKind.Integer } => Int,
        { Kind: TypeKind.Float } => Float,
        { Kind: TypeKind.String } => String,
        { Kind: TypeKind.Bool } => Bool,
        { Name: "any" or "Any" } => Dynamic,
        { Name: var name } when records is not null && records.TryGetValue(name, out var record) => record.Type,
        { Name: var name } when IsBareName(name) && !GoPredeclared.Contains(name) => Dynamic,
        var other => new GoType(other.Name, TypeKind.Any),
    };

    private static readonly HashSet<string> GoPredeclared = new(StringComparer.Ordinal)
    {
        "bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16", "int32", "int64",
        "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "any",
    };

    private static bool IsBareName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

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
