using System.Collections;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Schema;

namespace Zylisp.Zast.Tests.Building;

/// <summary>Builds random (structurally valid, semantically meaningless) trees from the schema, so
/// properties cover every node type and field kind, including strings full of escapes.</summary>
public sealed class RandomTrees(int seed)
{
    private const int MaxDepth = 6;
    private static readonly string[] Strings = ["", "x", "\"q\"", "a\\b", "\t\n\r\a\b\f\v", "\u0000\u001f\u007f", "héllo 世界 😀", "\u2028\uFEFF", "`raw`", "; not a comment ( )"];
    private readonly Random _random = new(seed);

    public Node Node(Type expected, int depth = 0)
    {
        var candidates = ZastSchema.Implementing(expected).ToArray();
        var row = depth >= MaxDepth
            ? candidates.MinBy(RequiredChildren)!
            : candidates[_random.Next(candidates.Length)];
        var node = row.Create();
        foreach (var field in row.Fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Pos:
                    field.SetValue(node, new Pos(_random.Next(3) == 0 ? 0 : _random.Next(1, 100_000)));
                    break;
                case FieldKind.Node:
                    field.SetValue(node, Node(field.NodeType!, depth + 1));
                    break;
                case FieldKind.OptionalNode:
                    field.SetValue(node, depth >= MaxDepth || _random.Next(2) == 0 ? null : Node(field.NodeType!, depth + 1));
                    break;
                case FieldKind.NodeList:
                    var list = (IList)field.GetList(node);
                    var count = depth >= MaxDepth ? 0 : _random.Next(3);
                    if (field.NonEmpty) count = Math.Max(1, count);
                    for (var i = 0; i < count; i++) list.Add(Node(field.NodeType!, depth + 1));
                    break;
                case FieldKind.Token:
                    var tokens = field.AllowedTokens?.ToArray() ?? Enum.GetValues<Token>();
                    field.SetValue(node, tokens[_random.Next(tokens.Length)]);
                    break;
                case FieldKind.String:
                    field.SetValue(node, Strings[_random.Next(Strings.Length)]);
                    break;
                case FieldKind.Bool:
                    field.SetValue(node, _random.Next(2) == 0);
                    break;
                case FieldKind.ChanDir:
                    field.SetValue(node, (ChanDir)_random.Next(1, 4));
                    break;
            }
        }
        return node;
    }

    private static int RequiredChildren(NodeSchema row) =>
        row.Fields.Count(field => field.Kind == FieldKind.Node || field.NonEmpty);
}
