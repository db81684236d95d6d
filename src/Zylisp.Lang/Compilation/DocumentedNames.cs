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

                foreach (var arg in call.Args)
                {
                    Collect(arg, names, computed);
                }

                break;
            case GlobalRefNode { Var.Name: PrintDoc } reference:
                // Passed as a value: what it is called with is not known here.
                computed.Add(reference.Span);
                break;
            case InvokeNode call:
                Collect(call.Fn, names, computed);
                All(call.Args, names, computed);
                break;
            case CollectionNode c:
                All(c.Items, names, computed);
                break;
            case IfNode i:
                Collect(i.Test, names, computed);
                Collect(i.Then, names, computed);
                Collect(i.Else, names, computed);
                break;
            case DoNode d:
                All(d.Statements, names, computed);
                Collect(d.Result, names, computed);
                break;
            case LetNode l:
                foreach (var b in l.Bindings)
                {
                    Collect(b.Init, names, computed);
                }

                Collect(l.Body, names, computed);
                break;
            case LoopNode l:
                foreach (var b in l.Bindings)
                {
                    Collect(b.Init, names, computed);
                }

                Collect(l.Body, names, computed);
                break;
            case RecurNode r:
                All(r.Args, names, computed);
                break;
            case FnNode f:
                foreach (var arity in f.Arities)
                {
                    Collect(arity.Body, names, computed);
                }

                break;
            case DefNode { Init: { } init }:
                Collect(init, names, computed);
                break;
            case TryNode t:
                Collect(t.Body, names, computed);
                if (t.Handler is not null)
                {
                    Collect(t.Handler, names, computed);
                }

                if (t.Finally is not null)
                {
                    Collect(t.Finally, names, computed);
                }

                break;
            case ThrowNode t:
                Collect(t.Value, names, computed);
                break;
        }
    }

    private static void All(IEnumerable<Node> nodes, ISet<string> names, IList<SourceSpan?> computed)
    {
        foreach (var node in nodes)
        {
            Collect(node, names, computed);
        }
    }
}
