using System.Reflection;
using Zylisp.Zast.Ast;
using File = Zylisp.Zast.Ast.File;

namespace Zylisp.Zast.Schema;

/// <summary>
/// The one table of node types and their fields, in go/ast's field order, that the writer,
/// builder, validator and coverage report all read. Each row names go/ast's fields; the kind
/// of each field (position, token, string, bool, node, optional node, list) comes from the
/// model property's type and nullability, so the table cannot disagree with the model.
/// </summary>
/// <remarks>
/// Field notation: <c>"Lparen?"</c> marks a position that valid Go source may leave 0;
/// <c>"Names+"</c> marks a list go/ast needs non-empty (its Pos or End reads the first or last element);
/// <c>"Ellipsis=EllipsisPos"</c> maps go/ast's field name to a differently named C# property.
/// go/ast's deprecated Obj, Scope and Unresolved fields are not in the model (docs/design/zast.md).
/// </remarks>
public static class ZastSchema
{
    // Token fields whose values go/parser restricts; the builder rejects anything else.
    // Declared before Rows: static initializers run in textual order and Rows reads this.
    private static readonly Dictionary<string, Token[]> TokenSets = new(StringComparer.Ordinal)
    {
        ["BasicLit.Kind"] = [Token.Int, Token.Float, Token.Imag, Token.Char, Token.String],
        ["UnaryExpr.Op"] = [Token.Add, Token.Sub, Token.Not, Token.Xor, Token.And, Token.Arrow, Token.Tilde],
        ["BinaryExpr.Op"] =
        [
            Token.Add, Token.Sub, Token.Mul, Token.Quo, Token.Rem, Token.And, Token.Or, Token.Xor,
            Token.Shl, Token.Shr, Token.AndNot, Token.LAnd, Token.LOr,
            Token.Eql, Token.Neq, Token.Lss, Token.Leq, Token.Gtr, Token.Geq,
        ],
        ["IncDecStmt.Tok"] = [Token.Inc, Token.Dec],
        ["AssignStmt.Tok"] =
        [
            Token.Assign, Token.Define, Token.AddAssign, Token.SubAssign, Token.MulAssign, Token.QuoAssign,
            Token.RemAssign, Token.AndAssign, Token.OrAssign, Token.XorAssign, Token.ShlAssign, Token.ShrAssign,
            Token.AndNotAssign,
        ],
        ["BranchStmt.Tok"] = [Token.Break, Token.Continue, Token.Goto, Token.Fallthrough],
        ["RangeStmt.Tok"] = [Token.Illegal, Token.Assign, Token.Define],
        ["GenDecl.Tok"] = [Token.Import, Token.Const, Token.Type, Token.Var],
    };

    private static readonly NodeSchema[] Rows =
    [
        // Comments and fields
        Row<Comment>("Slash", "Text"),
        Row<CommentGroup>("List+"),
        Row<Field>("Doc", "Names", "Type", "Tag", "Comment"),
        Row<FieldList>("Opening?", "List", "Closing?"),

        // Expressions and types
        Row<BadExpr>("From", "To"),
        Row<Ident>("NamePos", "Name"),
        Row<Ellipsis>("Ellipsis=EllipsisPos", "Elt"),
        Row<BasicLit>("ValuePos", "Kind", "Value"),
        Row<FuncLit>("Type", "Body"),
        Row<CompositeLit>("Type", "Lbrace", "Elts", "Rbrace", "Incomplete"),
        Row<ParenExpr>("Lparen", "X", "Rparen"),
        Row<SelectorExpr>("X", "Sel"),
        Row<IndexExpr>("X", "Lbrack", "Index", "Rbrack"),
        Row<IndexListExpr>("X", "Lbrack", "Indices+", "Rbrack"),
        Row<SliceExpr>("X", "Lbrack", "Low", "High", "Max", "Slice3", "Rbrack"),
        Row<TypeAssertExpr>("X", "Lparen", "Type", "Rparen"),
        Row<CallExpr>("Fun", "Lparen", "Args", "Ellipsis?", "Rparen"),
        Row<StarExpr>("Star", "X"),
        Row<UnaryExpr>("OpPos", "Op", "X"),
        Row<BinaryExpr>("X", "OpPos", "Op", "Y"),
        Row<KeyValueExpr>("Key", "Colon", "Value"),
        Row<ArrayType>("Lbrack", "Len", "Elt"),
        Row<StructType>("Struct", "Fields", "Incomplete"),
        Row<FuncType>("Func?", "TypeParams", "Params", "Results"),
        Row<InterfaceType>("Interface", "Methods", "Incomplete"),
        Row<MapType>("Map", "Key", "Value"),
        Row<ChanType>("Begin", "Arrow?", "Dir", "Value"),

        // Statements
        Row<BadStmt>("From", "To"),
        Row<DeclStmt>("Decl"),
        Row<EmptyStmt>("Semicolon", "Implicit"),
        Row<LabeledStmt>("Label", "Colon", "Stmt"),
        Row<ExprStmt>("X"),
        Row<SendStmt>("Chan", "Arrow", "Value"),
        Row<IncDecStmt>("X", "TokPos", "Tok"),
        Row<AssignStmt>("Lhs+", "TokPos", "Tok", "Rhs+"),
        Row<GoStmt>("Go", "Call"),
        Row<DeferStmt>("Defer", "Call"),
        Row<ReturnStmt>("Return", "Results"),
        Row<BranchStmt>("TokPos", "Tok", "Label"),
        Row<BlockStmt>("Lbrace", "List", "Rbrace"),
        Row<IfStmt>("If", "Init", "Cond", "Body", "Else"),
        Row<CaseClause>("Case", "List", "Colon", "Body"),
        Row<SwitchStmt>("Switch", "Init", "Tag", "Body"),
        Row<TypeSwitchStmt>("Switch", "Init", "Assign", "Body"),
        Row<CommClause>("Case", "Comm", "Colon", "Body"),
        Row<SelectStmt>("Select", "Body"),
        Row<ForStmt>("For", "Init", "Cond", "Post", "Body"),
        Row<RangeStmt>("For", "Key", "Value", "TokPos?", "Tok", "Range", "X", "Body"),

        // Specifications and declarations
        Row<ImportSpec>("Doc", "Name", "Path", "Comment", "EndPos?"),
        Row<ValueSpec>("Doc", "Names+", "Type", "Values", "Comment"),
        Row<TypeSpec>("Doc", "Name", "TypeParams", "Assign?", "Type", "Comment"),
        Row<BadDecl>("From", "To"),
        Row<GenDecl>("Doc", "TokPos", "Tok", "Lparen?", "Specs", "Rparen?"),
        Row<FuncDecl>("Doc", "Recv", "Name", "Type", "Body"),
        Row<File>("Doc", "Package", "Name", "Decls", "FileStart", "FileEnd", "Imports", "Comments", "GoVersion"),
    ];

    private static readonly Dictionary<string, NodeSchema> ByName =
        Rows.ToDictionary(row => row.Name, StringComparer.Ordinal);

    private static readonly Dictionary<Type, NodeSchema> ByType = Rows.ToDictionary(row => row.Type);

    /// <summary>Every node type, grouped as go/ast's source groups them.</summary>
    public static IReadOnlyList<NodeSchema> Nodes => Rows;

    public static bool TryGet(string name, out NodeSchema schema) => ByName.TryGetValue(name, out schema!);

    /// <summary>The schema of a node's concrete type.</summary>
    public static NodeSchema Of(Node node) => ByType[node.GetType()];

    public static NodeSchema Of(Type nodeType) => ByType[nodeType];

    /// <summary>Every node type that can stand where <paramref name="nodeType"/> is expected.</summary>
    public static IEnumerable<NodeSchema> Implementing(Type nodeType) =>
        Rows.Where(row => nodeType.IsAssignableFrom(row.Type));

    private static NodeSchema Row<T>(params string[] fields) where T : Node, new()
    {
        var nullability = new NullabilityInfoContext();
        var schemas = fields.Select(spec => Field(typeof(T), spec, nullability)).ToArray();
        return new NodeSchema(typeof(T).Name, typeof(T), () => new T(), schemas);
    }

    private static FieldSchema Field(Type owner, string spec, NullabilityInfoContext nullability)
    {
        var mayBeNoPos = spec.EndsWith('?');
        var nonEmpty = spec.EndsWith('+');
        if (mayBeNoPos || nonEmpty) spec = spec[..^1];
        var parts = spec.Split('=');
        var goName = parts[0];
        var propertyName = parts.Length > 1 ? parts[1] : goName;
        var property = owner.GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            ?? throw new InvalidOperationException($"{owner.Name} has no property {propertyName}");
        var type = property.PropertyType;

        FieldKind kind;
        Type? nodeType = null;
        if (type == typeof(Pos)) kind = FieldKind.Pos;
        else if (type == typeof(Token)) kind = FieldKind.Token;
        else if (type == typeof(string)) kind = FieldKind.String;
        else if (type == typeof(bool)) kind = FieldKind.Bool;
        else if (type == typeof(ChanDir)) kind = FieldKind.ChanDir;
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            kind = FieldKind.NodeList;
            nodeType = type.GetGenericArguments()[0];
        }
        else if (typeof(Node).IsAssignableFrom(type))
        {
            kind = nullability.Create(property).WriteState == NullabilityState.Nullable ? FieldKind.OptionalNode : FieldKind.Node;
            nodeType = type;
        }
        else throw new InvalidOperationException($"{owner.Name}.{propertyName} has unsupported type {type.Name}");

        if (mayBeNoPos && kind != FieldKind.Pos) throw new InvalidOperationException($"{owner.Name}.{goName}: '?' marks positions only");
        if (nonEmpty && kind != FieldKind.NodeList) throw new InvalidOperationException($"{owner.Name}.{goName}: '+' marks lists only");
        var tokens = TokenSets.TryGetValue($"{owner.Name}.{goName}", out var set) ? set.ToHashSet() : null;
        return new FieldSchema(goName, property, kind, nodeType, mayBeNoPos, tokens, nonEmpty);
    }
}
