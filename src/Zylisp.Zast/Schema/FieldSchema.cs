using System.Collections;
using System.Reflection;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Schema;

/// <summary>One field of a node type: its canonical name, kind, and how to read and write it on the model.</summary>
public sealed class FieldSchema
{
    internal FieldSchema(string goName, PropertyInfo property, FieldKind kind, Type? nodeType, bool mayBeNoPos, IReadOnlySet<Token>? allowedTokens)
    {
        AllowedTokens = allowedTokens;
        GoName = goName;
        Name = goName.ToLowerInvariant();
        Property = property;
        Kind = kind;
        NodeType = nodeType;
        MayBeNoPos = mayBeNoPos;
        _get = (Func<Node, object?>)Compile(nameof(MakeBoxingGetter), property);
        if (property.PropertyType == typeof(Pos)) _getPos = (Func<Node, Pos>)Compile(nameof(MakePosGetter), property);
        else if (typeof(Node).IsAssignableFrom(property.PropertyType)) _getNode = (Func<Node, Node?>)Compile(nameof(MakeNodeGetter), property);
        else if (typeof(IList).IsAssignableFrom(property.PropertyType)) _getList = (Func<Node, IList>)Compile(nameof(MakeListGetter), property);
    }

    // Compiled getters: PropertyInfo.GetValue costs tens of nanoseconds and a boxing allocation
    // per call, and writing GOROOT reads hundreds of millions of fields. Positions, nodes and
    // lists get typed getters so the writer's hot path neither reflects nor boxes.
    private readonly Func<Node, object?> _get;
    private readonly Func<Node, Pos>? _getPos;
    private readonly Func<Node, Node?>? _getNode;
    private readonly Func<Node, IList>? _getList;

    private static Delegate Compile(string maker, PropertyInfo property)
    {
        var make = typeof(FieldSchema).GetMethod(maker, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(property.DeclaringType!, property.PropertyType);
        return (Delegate)make.Invoke(null, [property])!;
    }

    private static Func<Node, object?> MakeBoxingGetter<TNode, TValue>(PropertyInfo property) where TNode : Node
    {
        var getter = property.GetGetMethod()!.CreateDelegate<Func<TNode, TValue>>();
        return node => getter((TNode)node);
    }

    private static Func<Node, Pos> MakePosGetter<TNode, TValue>(PropertyInfo property) where TNode : Node
    {
        var getter = property.GetGetMethod()!.CreateDelegate<Func<TNode, Pos>>();
        return node => getter((TNode)node);
    }

    private static Func<Node, Node?> MakeNodeGetter<TNode, TValue>(PropertyInfo property) where TNode : Node where TValue : Node?
    {
        var getter = property.GetGetMethod()!.CreateDelegate<Func<TNode, TValue>>();
        return node => getter((TNode)node);
    }

    private static Func<Node, IList> MakeListGetter<TNode, TValue>(PropertyInfo property) where TNode : Node where TValue : IList
    {
        var getter = property.GetGetMethod()!.CreateDelegate<Func<TNode, TValue>>();
        return node => getter((TNode)node);
    }

    /// <summary>The keyword in the canonical format: go/ast's field name in lower case (<c>namepos</c>).</summary>
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

    /// <summary>For token fields: the tokens go/parser can put there, or null when any token may appear.</summary>
    public IReadOnlySet<Token>? AllowedTokens { get; }

    /// <summary>Whether the field has two states worth covering: nil/present, or 0/set for a position.</summary>
    public bool IsOptional => Kind == FieldKind.OptionalNode || (Kind == FieldKind.Pos && MayBeNoPos);

    public object? GetValue(Node node) => _get(node);

    public void SetValue(Node node, object? value) => Property.SetValue(node, value);

    public Pos GetPos(Node node) => _getPos is not null ? _getPos(node) : (Pos)_get(node)!;

    public Node? GetNode(Node node) => _getNode is not null ? _getNode(node) : (Node?)_get(node);

    /// <summary>A list field's live list (the model never leaves one null); add to it to fill the field.</summary>
    public IList GetList(Node node) => _getList is not null ? _getList(node) : (IList)_get(node)!;

    public override string ToString() => $"{Name}: {Kind}{(NodeType is null ? "" : " of " + NodeType.Name)}";
}
