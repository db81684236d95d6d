using Zylisp.Zast.Printing;

namespace Zylisp.Zast.Ast;

/// <summary>
/// Walks a tree in go/ast field order, as ast.Inspect does. Backends use it to relate a tree they
/// built to the same tree parsed back from its printed text (docs/design/go-backend.md), without
/// reflection: reflection over every node type was the costliest step of a small Go build.
/// </summary>
public static class AstWalk
{
    /// <summary>The node's children in field order (nil children left out).</summary>
    public static IEnumerable<Node> Children(Node node) => AstChildren.Of(node);

    /// <summary>Every node under the roots, each before its children, in field order.</summary>
    public static IEnumerable<Node> Preorder(IEnumerable<Node> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var stack = new Stack<Node>();
        foreach (var root in roots.Reverse())
        {
            stack.Push(root);
        }

        var children = new List<Node>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            children.Clear();
            children.AddRange(AstChildren.Of(node));
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }
}
