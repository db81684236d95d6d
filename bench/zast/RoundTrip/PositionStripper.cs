using System.Collections;
using Zylisp.Zast.Ast;

/// <summary>
/// Turns a parsed tree into one like the Go backend will build: every position is NoPos, and
/// only comments attached to nodes (Doc and line comments) are kept, since free-floating
/// comments have nothing to anchor them without positions.
/// </summary>
internal static class PositionStripper
{
    public static void Strip(Zylisp.Zast.Ast.File file)
    {
        file.Comments = [];
        file.Imports = [];
        Strip((object)file);
    }

    private static void Strip(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case Comment comment:
                comment.Slash = Pos.NoPos;
                return;
            case IList list:
                foreach (var item in list) Strip(item);
                return;
            case Node node:
                foreach (var property in node.GetType().GetProperties())
                {
                    if (!property.CanWrite) continue;
                    if (property.PropertyType == typeof(Pos)) property.SetValue(node, Pos.NoPos);
                    else if (!property.PropertyType.IsValueType && property.PropertyType != typeof(string)) Strip(property.GetValue(node));
                }
                return;
        }
    }
}
