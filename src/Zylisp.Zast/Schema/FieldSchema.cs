using System.Collections;
using System.Reflection;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Schema;

/// <summary>One field of a node type: its canonical name, kind, and how to read and write it on the model.</summary>
public sealed class FieldSchema
{
    internal FieldSchema(string goName, PropertyInfo property, FieldKind kind, Type? nodeType, bool mayBeNoPos, IReadOnlySet<Token>? allowedTokens, bool nonEmpty)
    {
        NonEmpty = nonEmpty;
        AllowedTokens = allowedTokens;
        GoName = goName;
        Name = goName.ToLowerInvariant();
        Property = property;
        _accessor = PropertyAccessor.For(property);
        Kind = kind;
        NodeType = nodeType;
        MayBeNoPos = mayBeNoPos;
    }

    /// <summary>The keyword in the canonical format: go/ast's field name in lower case (<c>namepos</c>).</summary>
    private readonly PropertyAccessor _accessor;

    public string Name { get; }

    /// <summary>go/ast's field name (<c>NamePos</c>).</summary>
    public string GoName { get; }

    public FieldKind Kind { get; }

    /// <summary>The model property holding the field.</summary>
    public PropertyInfo Property { get; }

    /// <summary>For node and list fields: the class or abstract base (Expr, Stmt, Decl, Spec) every value must be.</summary>
    public Type? NodeType { get; }

    /// <summary>For position fields: whether valid Go source can leave it 0 (GenDecl.Lparen, CallExpr.Ellipsis).</summary>
    public bool MayBeNoPos { get; }

    /// <summary>For list fields: whether go/ast needs at least one element (AssignStmt.Lhs, CommentGroup.List).</summary>
    public bool NonEmpty { get; }

    /// <summary>For token fields: the tokens go/parser can put there, or null when any token may appear.</summary>
    public IReadOnlySet<Token>? AllowedTokens { get; }

    /// <summary>Whether the field has two states worth covering: nil/present, or 0/set for a position.</summary>
    public bool IsOptional => Kind == FieldKind.OptionalNode || (Kind == FieldKind.Pos && MayBeNoPos);

    public object? GetValue(Node node) => _accessor.Get(node);

    public void SetValue(Node node, object? value) => _accessor.Set(node, value);

    public Pos GetPos(Node node) => _accessor.GetPos(node);

    public Node? GetNode(Node node) => _accessor.GetNode(node);

    /// <summary>A list field's live list (the model never leaves one null); add to it to fill the field.</summary>
    public IList GetList(Node node) => _accessor.GetList(node);

    public override string ToString() => $"{Name}: {Kind}{(NodeType is null ? "" : " of " + NodeType.Name)}";
}
