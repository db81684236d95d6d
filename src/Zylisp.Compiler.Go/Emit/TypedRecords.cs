using System.Collections;
using System.Globalization;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Zast.Ast;
using static Zylisp.Compiler.Go.Emit.GoSyntax;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>One field of a typed record: its keyword's name, its Go field name and its Go type.</summary>
internal sealed record RecordField(string Key, string GoName, GoType Type);

/// <summary>
/// A <c>defrecord</c> whose fields are all typed (<c>(:fields T*)</c>): a Go struct type of the
/// same name whose fields typed code reads directly (<c>p.X</c>), a shape variable with the tag and
/// declared keys, the struct's <c>Record()</c> method (the dynamic record it stands for, which the
/// runtime uses wherever the struct meets dynamic code) and a converter from a dynamic value.
/// </summary>
internal sealed class TypedRecord(string name, string tag, IReadOnlyList<RecordField> fields, string goName, string shapeName, string converterName)
{
    /// <summary>The record's name as annotations write it: <c>Point</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The qualified type tag: <c>user.Point</c>.</summary>
    public string Tag { get; } = tag;

    public IReadOnlyList<RecordField> Fields { get; } = fields;

    public string GoName { get; } = goName;

    public string ShapeName { get; } = shapeName;

    public string ConverterName { get; } = converterName;

    public GoType Type => type ??= new GoType(GoName, TypeKind.Any) { Record = this };

    private GoType? type;

    public RecordField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The Go declarations: the struct, its Record method and the converter from a dynamic value.</summary>
    public IEnumerable<Decl> Declarations()
    {
        yield return new GenDecl
        {
            Tok = Token.Type,
            Specs =
            [
                new TypeSpec
                {
                    Name = Id(GoName),
                    Type = new StructType { Fields = new FieldList { List = [.. Fields.Select(f => new Field { Names = [Id(f.GoName)], Type = f.Type.ToSyntax() })] } },
                },
            ],
        };

        // func (r Point) Record() *rt.Record { return pointShape.Make(r.X, r.Y) }
        yield return new FuncDecl
        {
            Recv = new FieldList { List = [Param("r", Id(GoName))] },
            Name = Id("Record"),
            Type = FuncType([], new StarExpr { X = Rt("Record") }),
            Body = Block([Return(Call(Sel(ShapeName, "Make"), [.. Fields.Select(f => GoType.ToDynamic(new GoExpr(Sel("r", f.GoName), f.Type)).Node)]))]),
        };

        // func asPoint(v rt.Value, function string, what string) Point: the struct itself, or the
        // fields of a record of this type (made by assoc or map->Point), each checked as an annotation.
        var convert = Fields.Select((f, i) => (Expr)new KeyValueExpr
        {
            Key = Id(f.GoName),
            Value = FromDynamic(new IndexExpr { X = Id("fields"), Index = Int(i) }, f.Type),
        }).ToList();
        yield return new FuncDecl
        {
            Name = Id(ConverterName),
            Type = FuncType([Param("v", RtValue), Param("function", Id("string")), Param("what", Id("string"))], Id(GoName)),
            Body = Block(
            [
                new Zylisp.Zast.Ast.IfStmt
                {
                    Init = new Zylisp.Zast.Ast.AssignStmt { Lhs = [Id("r"), Id("ok")], Tok = Token.Define, Rhs = [new TypeAssertExpr { X = Id("v"), Type = Id(GoName) }] },
                    Cond = Id("ok"),
                    Body = Block([Return(Id("r"))]),
                },
                new Zylisp.Zast.Ast.AssignStmt { Lhs = [Id("fields")], Tok = Token.Define, Rhs = [Call(Sel(ShapeName, "Fields"), Id("v"), Id("function"), Id("what"))] },
                Return(Composite(Id(GoName), convert)),
            ]),
        };
    }

    /// <summary>The shape variable's initial value: <c>rt.NewRecordShape("user.Point", "x", "y")</c>.</summary>
    public Expr ShapeInit() => RtCall("NewRecordShape", [GoSyntax.Str(Tag), .. Fields.Select(f => (Expr)GoSyntax.Str(f.Key))]);

    private static Expr FromDynamic(Expr value, GoType type)
    {
        var what = (Expr)Id("what");
        var function = (Expr)Id("function");
        return type.Kind switch
        {
            TypeKind.Integer => RtCall("AsInt", value, function, what),
            TypeKind.Float => RtCall("AsFloat", value, function, what),
            TypeKind.String => RtCall("AsString", value, function, what),
            TypeKind.Bool => RtCall("AsBool", value, function, what),
            _ when type.Record is { } record => Call(Id(record.ConverterName), value, function, what),
            _ when type.IsDynamic => value,
            _ => Call(new IndexExpr { X = Rt("AsGo"), Index = type.ToSyntax() }, value, function, what),
        };
    }

    /// <summary>
    /// The typed records of a program, by name. A typed record's positional constructor is what
    /// the prelude's defrecord expands <c>(defrecord Point [x y] (:fields integer integer))</c> to:
    /// <c>(fn -&gt;Point {:args [integer integer]} ([x y] ... (%record "user.Point" [:x :y] m)))</c>,
    /// one arity whose parameters are all annotated and which ends in a tail call of %record.
    /// </summary>
    public static Dictionary<string, TypedRecord> Find(IReadOnlyList<LTopLevel> forms, GoNames names)
    {
        var found = new Dictionary<string, TypedRecord>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            foreach (var stmt in form.Body)
            {
                if (stmt is Zylisp.Lang.Lowering.AssignStmt { Value: FnExpr fn } && Recognise(fn.Function) is var (name, tag, keys, types) && !found.ContainsKey(name))
                {
                    found[name] = Make(name, tag, keys, types, found, names);
                }
            }
        }

        return found;
    }

    private static TypedRecord Make(string name, string tag, List<string> keys, IReadOnlyList<TypeAnnotation> types, IReadOnlyDictionary<string, TypedRecord> earlier, GoNames names)
    {
        var goName = names.FreshExported(name);
        var fieldNames = new GoNames();
        fieldNames.Reserve("Record"); // the struct's method
        var fields = keys.Select((k, i) => new RecordField(k, fieldNames.FreshExported(k), GoType.FromAnnotation(types[i], earlier))).ToList();
        return new TypedRecord(name, tag, fields, goName, names.Fresh(name, "Shape"), names.Fresh("as" + name));
    }

    private static (string Name, string Tag, List<string> Keys, IReadOnlyList<TypeAnnotation> Types)? Recognise(LFunction function)
    {
        if (!function.Name.StartsWith("->", StringComparison.Ordinal) || function.Arities.Length != 1 || function.Captures.Length != 0)
        {
            return null;
        }

        var arity = function.Arities[0];
        if (arity.Rest is not null || arity.Params.Length == 0 || arity.ParamTypes.Length != arity.Params.Length || arity.ParamTypes.Any(t => t is null))
        {
            return null;
        }

        if (arity.Body.Length == 0 || arity.Body[^1] is not TailCallStmt { Call: { Fn: GlobalOperand { Var.Name: "%record" }, Args: [ConstOperand { Value: string tag }, var declared, _] } })
        {
            return null;
        }

        var keys = new List<string>();
        IEnumerable items = declared is ConstOperand { Value: IEnumerable e and not string } ? e : Array.Empty<object>();
        foreach (var item in items)
        {
            if (item is not Keyword { Namespace: null } k)
            {
                return null;
            }

            keys.Add(k.Name);
        }

        var name = function.Name[2..];
        return keys.Count == arity.Params.Length && tag.EndsWith("." + name, StringComparison.Ordinal)
            ? (name, tag, keys, arity.ParamTypes.Select(t => t!).ToList())
            : null;
    }
}
