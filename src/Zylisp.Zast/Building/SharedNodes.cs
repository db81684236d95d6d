using System.Collections;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Schema;
using File = Zylisp.Zast.Ast.File;

namespace Zylisp.Zast.Building;

/// <summary>
/// Re-links the objects go/parser shares but the canonical text writes once per place: the
/// ImportSpecs in File.Imports are those in Decls, and each Doc or Comment group is the one in
/// File.Comments that starts at the same position. go/printer, and so the C# printer, relies on it.
/// </summary>
internal static class SharedNodes
{
    /// <summary>Makes File.Imports hold the specs inside Decls, and every Doc/Comment field hold the
    /// group from File.Comments at the same position, as go/parser's trees do.</summary>
    public static void Restore(File file)
    {
        var specs = new Dictionary<int, ImportSpec>();
        var groups = new Dictionary<int, CommentGroup>();
        foreach (var group in file.Comments)
        {
            if (group.List.Count > 0) groups.TryAdd(group.List[0].Slash.Value, group);
        }
        Share(file, specs, groups);
        for (var i = 0; i < file.Imports.Count; i++)
        {
            if (specs.TryGetValue(file.Imports[i].Path.ValuePos.Value, out var spec)) file.Imports[i] = spec;
        }
    }

    private static void Share(Node node, Dictionary<int, ImportSpec> specs, Dictionary<int, CommentGroup> groups)
    {
        if (node is ImportSpec spec) specs.TryAdd(spec.Path.ValuePos.Value, spec);
        foreach (var field in ZastSchema.Of(node).Fields)
        {
            if (node is File && field.Name is "imports" or "comments") continue;
            switch (field.Kind)
            {
                case FieldKind.Node or FieldKind.OptionalNode when field.GetNode(node) is { } child:
                    if (child is CommentGroup { List.Count: > 0 } group && groups.TryGetValue(group.List[0].Slash.Value, out var shared))
                        field.SetValue(node, shared);
                    else
                        Share(child, specs, groups);
                    break;
                case FieldKind.NodeList:
                    foreach (Node item in (IList)field.GetList(node)) Share(item, specs, groups);
                    break;
            }
        }
    }
}
