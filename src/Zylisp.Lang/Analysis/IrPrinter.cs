using System.Text;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// Prints the IR as an S-expression (for <c>--dump-after=analyze</c> and tests): every node shows
/// its kind, its context when it is not Value, locals as name@slot, captures as name^index.
/// </summary>
public static class IrPrinter
{
    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Node node)
    {
        string ctx = node.Context switch
        {
            NodeContext.Tail => ":tail ",
            NodeContext.Statement => ":stmt ",
            _ => "",
        };
        switch (node)
        {
            case ConstNode c:
                sb.Append(Printer.PrStr(c.Value));
                return;
            case LocalRefNode l:
                sb.Append(l.Binding.Name).Append(l.Access switch
                {
                    LocalAccess.Slot => "@" + l.Index,
                    LocalAccess.Captured => "^" + l.Index,
                    _ => "@self",
                });
                return;
            case GlobalRefNode g:
                sb.Append("#'").Append(g.Var.Name);
                return;
        }

        sb.Append('(');
        switch (node)
        {
            case CollectionNode c:
                sb.Append(c.Kind.ToString().ToLowerInvariant()).Append(' ').Append(ctx);
                WriteAll(sb, c.Items);
                break;
            case IfNode i:
                sb.Append("if ").Append(ctx);
                if (i.Truthiness == Truthiness.Slisp)
                {
                    sb.Append(":slisp ");
                }

                WriteAll(sb, [i.Test, i.Then, i.Else]);
                break;
            case DoNode d:
                sb.Append("do ").Append(ctx);
                WriteAll(sb, [.. d.Statements, d.Result]);
                break;
            case LetNode l:
                WriteBindingForm(sb, "let ", ctx, l.Bindings, l.Body);
                break;
            case LoopNode l:
                WriteBindingForm(sb, "loop ", ctx, l.Bindings, l.Body);
                break;
            case RecurNode r:
                sb.Append("recur ");
                WriteAll(sb, r.Args);
                break;
            case FnNode f:
                sb.Append("fn ").Append(ctx).Append(f.Name);
                if (f.Captures.Length > 0)
                {
                    sb.Append(" :captures [").AppendJoin(' ', f.Captures.Select(c => c.Binding.Name)).Append(']');
                }

                foreach (var a in f.Arities)
                {
                    sb.Append(" ([").AppendJoin(' ', a.Params.Select(p => p.Name + "@" + p.Slot));
                    if (a.Rest is not null)
                    {
                        sb.Append(" & ").Append(a.Rest.Name).Append('@').Append(a.Rest.Slot);
                    }

                    sb.Append("] :frame ").Append(a.FrameSize).Append(' ');
                    Write(sb, a.Body);
                    sb.Append(')');
                }

                break;
            case DefNode d:
                sb.Append("def ").Append(d.Var.Name);
                if (d.Init is not null)
                {
                    sb.Append(' ');
                    Write(sb, d.Init);
                }

                break;
            case InvokeNode i:
                sb.Append(i.Context == NodeContext.Tail ? "tail-call " : "call ").Append(i.Context == NodeContext.Statement ? ":stmt " : "");
                WriteAll(sb, [i.Fn, .. i.Args]);
                break;
            case TryNode t:
                sb.Append("try ");
                Write(sb, t.Body);
                if (t.Handler is not null)
                {
                    sb.Append(" (catch ").Append(t.CatchLocal!.Name).Append('@').Append(t.CatchLocal.Slot).Append(' ');
                    Write(sb, t.Handler);
                    sb.Append(')');
                }

                if (t.Finally is not null)
                {
                    sb.Append(" (finally ");
                    Write(sb, t.Finally);
                    sb.Append(')');
                }

                break;
            case ThrowNode t:
                sb.Append("throw ");
                Write(sb, t.Value);
                break;
        }

        sb.Append(')');
    }

    private static void WriteAll(StringBuilder sb, IEnumerable<Node> nodes)
    {
        bool first = true;
        foreach (var n in nodes)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            Write(sb, n);
            first = false;
        }
    }

    // let and loop print alike: keyword, context, bindings, body.
    private static void WriteBindingForm(StringBuilder sb, string keyword, string ctx, IEnumerable<LetBinding> bindings, Node body)
    {
        sb.Append(keyword).Append(ctx);
        WriteBindings(sb, bindings);
        sb.Append(' ');
        Write(sb, body);
    }

    private static void WriteBindings(StringBuilder sb, IEnumerable<LetBinding> bindings)
    {
        sb.Append('[');
        bool first = true;
        foreach (var b in bindings)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            sb.Append(b.Local.Name).Append('@').Append(b.Local.Slot).Append(' ');
            Write(sb, b.Init);
            first = false;
        }

        sb.Append(']');
    }
}
