using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Schema;

/// <summary>A node type: its go/ast name, model class, and fields in go/ast's order.</summary>
public sealed class NodeSchema
{
    private readonly Func<Node> _create;
    private readonly Dictionary<string, int> _indexByName;

    internal NodeSchema(string name, Type type, Func<Node> create, IReadOnlyList<FieldSchema> fields)
    {
        Name = name;
        Type = type;
        _create = create;
        Fields = fields;
        FieldNames = fields.Select(field => field.Name).ToArray();
        _indexByName = fields.Select((field, index) => (field.Name, index))
            .ToDictionary(pair => pair.Name, pair => pair.index, StringComparer.Ordinal);
    }

    /// <summary>The head symbol in the canonical format, which is go/ast's type name (<c>BinaryExpr</c>).</summary>
    public string Name { get; }

    public Type Type { get; }

    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>The fields' canonical names, in order.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>A fresh node with every list empty and every other field at its default.</summary>
    public Node Create() => _create();

    /// <summary>The index of the field named <paramref name="name"/> (lower case), or -1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var index) ? index : -1;

    public override string ToString() => Name;
}
