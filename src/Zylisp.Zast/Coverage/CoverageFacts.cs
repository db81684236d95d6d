using Zylisp.Zast.Ast;
using Zylisp.Zast.Schema;

namespace Zylisp.Zast.Coverage;

/// <summary>
/// The states a corpus should exercise, derived from <see cref="ZastSchema"/>: every node type,
/// and per field the states that matter (nil/set, 0/set, true/false, empty/non-empty, each
/// allowed token, each channel direction). Keys read <c>IfStmt</c>, <c>IfStmt.else=nil</c>,
/// <c>BinaryExpr.op=AND_NOT</c>.
/// </summary>
public static class CoverageFacts
{
    /// <summary>Every fact, grouped by node type in schema order.</summary>
    public static IReadOnlyList<string> All { get; } = ZastSchema.Nodes.SelectMany(FactsOf).ToArray();

    /// <summary>
    /// Facts no archive of go/parser's output can hold, not even its partial trees for source with
    /// syntax errors, each with the reason. The coverage test fails if one of these is ever
    /// observed, so the list cannot go stale. (BadExpr, BadStmt, BadDecl and an empty import path
    /// are reachable through syntax errors, so the corpus covers them.)
    /// </summary>
    public static IReadOnlyDictionary<string, string> Unreachable { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Field.type=nil"] = "go/parser gives every field, parameter and method a type, a BadExpr when the source has none",
        ["CompositeLit.incomplete=true"] = "set only when ast.FilterFile and friends drop elements, never by go/parser",
        ["StructType.incomplete=true"] = "set only when ast.FilterFile and friends drop fields, never by go/parser",
        ["InterfaceType.incomplete=true"] = "set only when ast.FilterFile and friends drop methods, never by go/parser",
        ["ImportSpec.endpos=set"] = "set only by ast.SortImports, never by go/parser",
        ["Comment.text=empty"] = "a comment's text includes its // or /* marker",
        ["Ident.name=empty"] = "go/parser names a missing identifier `_`; its only empty Ident is the name of the placeholder File it returns when the package clause fails, which has no position to archive",
    };

    /// <summary>The facts one node contributes (its type and the state of each field); <paramref name="add"/> receives each key.</summary>
    public static void Observe(Node node, Action<string> add)
    {
        var row = ZastSchema.Of(node);
        add(row.Name);
        foreach (var field in row.Fields)
        {
            if (State(field, node) is { } state) add($"{row.Name}.{field.Name}={state}");
        }
    }

    private static string? State(FieldSchema field, Node node) => field.Kind switch
    {
        FieldKind.OptionalNode => field.GetNode(node) is null ? "nil" : "set",
        FieldKind.Pos when field.MayBeNoPos => field.GetPos(node).IsValid ? "set" : "0",
        FieldKind.Bool => (bool)field.GetValue(node)! ? "true" : "false",
        FieldKind.NodeList => field.GetList(node).Count == 0 ? "empty" : "non-empty",
        FieldKind.String => ((string)field.GetValue(node)!).Length == 0 ? "empty" : "non-empty",
        FieldKind.Token when field.AllowedTokens is not null => ((Token)field.GetValue(node)!).GoName(),
        FieldKind.ChanDir => Writing.ZastWriter.ChanDirText((ChanDir)field.GetValue(node)!),
        _ => null,
    };

    private static IEnumerable<string> FactsOf(NodeSchema row)
    {
        yield return row.Name;
        foreach (var field in row.Fields)
        {
            foreach (var state in StatesOf(field)) yield return $"{row.Name}.{field.Name}={state}";
        }
    }

    private static IEnumerable<string> StatesOf(FieldSchema field) => field.Kind switch
    {
        FieldKind.OptionalNode => ["nil", "set"],
        FieldKind.Pos when field.MayBeNoPos => ["0", "set"],
        FieldKind.Bool => ["false", "true"],
        FieldKind.NodeList => field.NonEmpty ? ["non-empty"] : ["empty", "non-empty"],
        FieldKind.String => ["empty", "non-empty"],
        FieldKind.Token when field.AllowedTokens is { } tokens => tokens.Order().Select(t => t.GoName()),
        FieldKind.ChanDir => ["SEND", "RECV", "(SEND RECV)"],
        _ => [],
    };
}
