using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Compilation;

/// <summary>
/// The names a program asks the documentation of: the constant symbol of every call of
/// <c>%print-doc</c> (what <c>(doc name)</c> expands to), and where a call names one computed at
/// run time. An ahead-of-time backend embeds the documentation of the former; it cannot know the
/// latter.
/// </summary>
public static class DocumentedNames
{
    public const string PrintDoc = "%print-doc";

    /// <summary>Adds the documented names under <paramref name="node"/> to <paramref name="names"/>, and the spans of calls whose name is not a constant to <paramref name="computed"/>.</summary>
    public static void Collect(Node node, ISet<string> names, IList<SourceSpan?> computed)
    {
        ArgumentNullException.ThrowIfNull(node);
        IEnumerable<Node> children = IrChildren.Of(node);
        switch (node)
        {
            case InvokeNode { Fn: GlobalRefNode { Var.Name: PrintDoc } } call:
                if (call.Args is [ConstNode { Value: Symbol name }])
                {
                    names.Add(name.Name);
                }
                else
                {
                    computed.Add(call.Span);
                }

                children = call.Args;
                break;
            case GlobalRefNode { Var.Name: PrintDoc } reference:
                // Passed as a value: what it is called with is not known here.
                computed.Add(reference.Span);
                break;
            case FnNode fn:
                children = fn.Arities.Select(a => a.Body);
                break;
        }

        foreach (var child in children)
        {
            Collect(child, names, computed);
        }
    }
}
