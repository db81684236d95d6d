using System.Text;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// Prints the IR as an S-expression (for <c>--dump-after=analyze</c> and tests): every node shows
/// its kind, its context when it is not Value, locals as name@slot, captures as name^index.
/// </summary>
public sealed class IrPrinter : IIrVisitor<StringBuilder>
{
    private readonly StringBuilder sb = new();

    private IrPrinter()
    {
    }

    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var printer = new IrPrinter();
        printer.Write(node);
        return printer.sb.ToString();
    }

    public StringBuilder VisitConst(ConstNode node) => sb.Append(Printer.PrStr(node.Value));

    public StringBuilder VisitLocalRef(LocalRefNode node) => sb.Append(node.Binding.Name).Append(node.Access switch
    {
        LocalAccess.Slot => "@" + node.Index,
        LocalAccess.Captured => "^" + node.Index,
        _ => "@self",
    });

    public StringBuilder VisitGlobalRef(GlobalRefNode node) => sb.Append("#'").Append(node.Var.Name);

    public StringBuilder VisitCollection(CollectionNode node) =>
        Form(node.Kind.ToString().ToLowerInvariant() + " " + Ctx(node), () => WriteAll(node.Items));

    public StringBuilder VisitIf(IfNode node) => Form("if " + Ctx(node) + (node.Truthiness == Truthiness.Slisp ? ":slisp " : ""), () => WriteAll([node.Test, node.Then, node.Else]));

    public StringBuilder VisitDo(DoNode node) => Form("do " + Ctx(node), () => WriteAll([.. node.Statements, node.Result]));

    public StringBuilder VisitLet(LetNode node) => Form("let " + Ctx(node), () => WriteBindings(node.Bindings, node.Body));

    public StringBuilder VisitLoop(LoopNode node) => Form("loop " + Ctx(node), () => WriteBindings(node.Bindings, node.Body));

    public StringBuilder VisitRecur(RecurNode node) => Form("recur ", () => WriteAll(node.Args));

    public StringBuilder VisitFn(FnNode node) => Form("fn " + Ctx(node) + node.Name, () =>
    {
        if (node.Captures.Length > 0)
        {
            sb.Append(" :captures [").AppendJoin(' ', node.Captures.Select(c => c.Binding.Name)).Append(']');
        }

        foreach (var a in node.Arities)
        {
            sb.Append(" ([").AppendJoin(' ', a.Params.Select(p => p.Name + "@" + p.Slot));
            if (a.Rest is not null)
            {
                sb.Append(" & ").Append(a.Rest.Name).Append('@').Append(a.Rest.Slot);
            }

            sb.Append("] :frame ").Append(a.FrameSize).Append(' ');
            Write(a.Body);
            sb.Append(')');
        }
    });

    public StringBuilder VisitDef(DefNode node) => Form("def " + node.Var.Name, () =>
    {
        if (node.Init is not null)
        {
            sb.Append(' ');
            Write(node.Init);
        }
    });

    public StringBuilder VisitInvoke(InvokeNode node) =>
        Form((node.Context == NodeContext.Tail ? "tail-call " : "call ") + (node.Context == NodeContext.Statement ? ":stmt " : ""), () => WriteAll([node.Fn, .. node.Args]));

    public StringBuilder VisitTry(TryNode node) => Form("try ", () =>
    {
        Write(node.Body);
        if (node.Handler is not null)
        {
            sb.Append(" (catch ").Append(node.CatchLocal!.Name).Append('@').Append(node.CatchLocal.Slot).Append(' ');
            Write(node.Handler);
            sb.Append(')');
        }

        if (node.Finally is not null)
        {
            sb.Append(" (finally ");
            Write(node.Finally);
            sb.Append(')');
        }
    });

    public StringBuilder VisitThrow(ThrowNode node) => Form("throw ", () => Write(node.Value));

    private static string Ctx(Node node) => node.Context switch
    {
        NodeContext.Tail => ":tail ",
        NodeContext.Statement => ":stmt ",
        _ => "",
    };

    private void Write(Node node) => node.Accept(this);

    private StringBuilder Form(string head, Action body)
    {
        sb.Append('(').Append(head);
        body();
        return sb.Append(')');
    }

    private void WriteAll(IEnumerable<Node> nodes)
    {
        bool first = true;
        foreach (var n in nodes)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            Write(n);
            first = false;
        }
    }

    // let and loop print alike: bindings, then body.
    private void WriteBindings(IEnumerable<LetBinding> bindings, Node body)
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
            Write(b.Init);
            first = false;
        }

        sb.Append("] ");
        Write(body);
    }
}
