using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Schema;

/// <summary>Renders schema rows as the format's reference lines, e.g.
/// <c>(Ident :namepos &lt;pos&gt; :name &lt;string&gt;)</c>; docs/zast-format.md lists exactly these.</summary>
public static class SchemaText
{
    public static string Describe(NodeSchema row) =>
        $"({row.Name}{string.Concat(row.Fields.Select(field => $" :{field.Name} {Placeholder(field)}"))})";

    public static string Placeholder(FieldSchema field) => field.Kind switch
    {
        FieldKind.Pos => field.MayBeNoPos ? "<pos|0>" : "<pos>",
        FieldKind.Node => $"<{field.NodeType!.Name}>",
        FieldKind.OptionalNode => $"<{field.NodeType!.Name}|nil>",
        FieldKind.NodeList => field.NonEmpty ? $"(<{field.NodeType!.Name}> ...+)" : $"(<{field.NodeType!.Name}> ...)",
        FieldKind.Token => field.AllowedTokens is { } tokens
            ? $"<{string.Join('|', tokens.OrderBy(t => t).Select(t => t.GoName()))}>"
            : "<token>",
        FieldKind.String => "<string>",
        FieldKind.Bool => "<bool>",
        FieldKind.ChanDir => "<SEND|RECV|(SEND RECV)>",
        _ => "?",
    };
}
