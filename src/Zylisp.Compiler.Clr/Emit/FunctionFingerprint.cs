using System.Text;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// The content key of a fn expression for the in-memory code cache: its printed IR, plus what
/// the printer leaves out but the code depends on: every source span (stack traces name them),
/// the type annotations, and which call targets are inlinable primitives right now.
/// </summary>
internal static class FunctionFingerprint
{
    public static string Of(FnNode fn)
    {
        var sb = new StringBuilder(IrPrinter.Print(fn));
        Walk(fn, sb);
        return sb.ToString();
    }

    /// <summary>
    /// The content key of a top-level form, the same way: what its emitted IL depends on. A
    /// persisted assembly finds a form's methods by it (docs/design/il-backend.md, "Persisted code").
    /// </summary>
    public static string Of(TopLevel top)
    {
        var sb = new StringBuilder("top ").Append(top.FrameSize).Append(' ').Append(IrPrinter.Print(top.Body));
        Walk(top.Body, sb);
        return sb.ToString();
    }

    private static void Walk(Node node, StringBuilder sb)
    {
        sb.Append('|').Append(node.Span?.File).Append(':').Append(node.Span?.Line).Append(':').Append(node.Span?.Column);
        switch (node)
        {
            case CollectionNode c:
                WalkAll(c.Items, sb);
                break;
            case IfNode i:
                Walk(i.Test, sb);
                Walk(i.Then, sb);
                Walk(i.Else, sb);
                break;
            case DoNode d:
                WalkAll(d.Statements, sb);
                Walk(d.Result, sb);
                break;
            case LetNode l:
                foreach (var b in l.Bindings)
                {
                    Walk(b.Init, sb);
                }

                Walk(l.Body, sb);
                break;
            case LoopNode l:
                foreach (var b in l.Bindings)
                {
                    Walk(b.Init, sb);
                }

                Walk(l.Body, sb);
                break;
            case RecurNode r:
                WalkAll(r.Args, sb);
                break;
            case FnNode f:
                foreach (var arity in f.Arities)
                {
                    sb.Append("|types");
                    if (!arity.ParamTypes.IsDefaultOrEmpty)
                    {
                        foreach (var t in arity.ParamTypes)
                        {
                            sb.Append(' ').Append(t?.Name ?? "_");
                        }
                    }

                    sb.Append(" -> ").Append(arity.ReturnType?.Name ?? "_");
                    Walk(arity.Body, sb);
                }

                break;
            case DefNode d when d.Init is not null:
                Walk(d.Init, sb);
                break;
            case InvokeNode i:
                if (i.Fn is GlobalRefNode { Var.Value: Builtin { Op: not PrimitiveOp.None } })
                {
                    sb.Append("|prim");
                }

                sb.Append("|caller ").Append(i.Caller);
                Walk(i.Fn, sb);
                WalkAll(i.Args, sb);
                break;
            case TryNode t:
                Walk(t.Body, sb);
                if (t.Handler is not null)
                {
                    Walk(t.Handler, sb);
                }

                if (t.Finally is not null)
                {
                    Walk(t.Finally, sb);
                }

                break;
            case ThrowNode t:
                sb.Append("|caller ").Append(t.Caller);
                Walk(t.Value, sb);
                break;
        }
    }

    private static void WalkAll(IEnumerable<Node> nodes, StringBuilder sb)
    {
        foreach (var n in nodes)
        {
            Walk(n, sb);
        }
    }
}
