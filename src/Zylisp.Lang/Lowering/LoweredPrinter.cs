using System.Collections.Immutable;
using System.Text;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Lowering;

/// <summary>
/// Prints the lowered IR as indented S-expressions, one statement per line (for
/// <c>zylisp expand --stage lowered</c> and tests). Locals print as name@slot, captures as
/// name^index, globals as #'name; <c>(set! t e)</c> is an assignment and <c>(return e)</c>,
/// <c>(tail-call f …)</c>, <c>(recur [x@1 e] …)</c> and <c>(throw e)</c> leave the block.
/// </summary>
public sealed class LoweredPrinter : ILoweredExprVisitor<StringBuilder>, ILoweredStmtVisitor<StringBuilder>
{
    private const int IndentWidth = 2;

    private readonly StringBuilder sb = new();
    private int indent;

    private LoweredPrinter()
    {
    }

    public static string Print(LTopLevel top)
    {
        ArgumentNullException.ThrowIfNull(top);
        var printer = new LoweredPrinter();
        printer.sb.Append("(top-level :frame ").Append(top.FrameSize);
        printer.Statements(top.Body);
        printer.sb.Append(')');
        return printer.sb.ToString();
    }

    public StringBuilder VisitConst(ConstOperand node) => sb.Append(Printer.PrStr(node.Value));

    public StringBuilder VisitLocal(LocalOperand node) => sb.Append(node.Binding.Name).Append(node.Access switch
    {
        LocalAccess.Slot => "@" + node.Index,
        LocalAccess.Captured => "^" + node.Index,
        _ => "@self",
    });

    public StringBuilder VisitGlobal(GlobalOperand node) => sb.Append("#'").Append(node.Var.Name);

    public StringBuilder VisitCall(CallExpr node)
    {
        sb.Append("(call ");
        Expr(node.Fn);
        return Operands(node.Args).Append(')');
    }

    public StringBuilder VisitCollection(CollectionExpr node)
    {
        sb.Append('(').Append(node.Kind.ToString().ToLowerInvariant());
        return Operands(node.Items).Append(')');
    }

    public StringBuilder VisitFn(FnExpr node)
    {
        var f = node.Function;
        sb.Append("(fn ").Append(f.Name);
        if (f.Captures.Length > 0)
        {
            sb.Append(" :captures [").AppendJoin(' ', f.Captures.Select(c => c.Binding.Name)).Append(']');
        }

        indent++;
        foreach (var arity in f.Arities)
        {
            Line().Append("([").AppendJoin(' ', arity.Params.Select(p => p.Name + "@" + p.Slot));
            if (arity.Rest is not null)
            {
                sb.Append(" & ").Append(arity.Rest.Name).Append('@').Append(arity.Rest.Slot);
            }

            sb.Append("] :frame ").Append(arity.FrameSize);
            Statements(arity.Body);
            sb.Append(')');
        }

        indent--;
        return sb.Append(')');
    }

    public StringBuilder VisitDef(DefExpr node)
    {
        sb.Append("(def ").Append(node.Var.Name);
        if (node.Init is not null)
        {
            sb.Append(' ');
            Expr(node.Init);
        }

        return sb.Append(')');
    }

    public StringBuilder VisitExpr(ExprStmt node) => Expr(node.Value);

    public StringBuilder VisitAssign(AssignStmt node)
    {
        sb.Append("(set! ").Append(node.Target.Name).Append('@').Append(node.Target.Slot).Append(' ');
        return Expr(node.Value).Append(')');
    }

    public StringBuilder VisitReturn(ReturnStmt node)
    {
        sb.Append("(return ");
        return Expr(node.Value).Append(')');
    }

    public StringBuilder VisitTailCall(TailCallStmt node)
    {
        sb.Append("(tail-call ");
        Expr(node.Call.Fn);
        return Operands(node.Call.Args).Append(')');
    }

    public StringBuilder VisitIf(IfStmt node)
    {
        sb.Append("(if ").Append(node.Truthiness == Truthiness.Slisp ? ":slisp " : "");
        Expr(node.Test);
        Nested("then", node.Then);
        Nested("else", node.Else);
        return sb.Append(')');
    }

    public StringBuilder VisitLoop(LoopStmt node)
    {
        sb.Append("(loop [").AppendJoin(' ', node.Bindings.Select(b => b.Name + "@" + b.Slot)).Append(']');
        Statements(node.Body);
        return sb.Append(')');
    }

    public StringBuilder VisitRecur(RecurStmt node)
    {
        sb.Append("(recur [");
        for (int i = 0; i < node.Targets.Length; i++)
        {
            sb.Append(i == 0 ? "" : " ").Append(node.Targets[i].Name).Append('@').Append(node.Targets[i].Slot).Append(' ');
            Expr(node.Args[i]);
        }

        return sb.Append("])");
    }

    public StringBuilder VisitTry(TryStmt node)
    {
        sb.Append("(try");
        Nested("do", node.Body);
        if (node.Handler is { } handler)
        {
            Nested("catch " + node.CatchLocal!.Name + "@" + node.CatchLocal.Slot, handler);
        }

        if (node.Finally is { } cleanup)
        {
            Nested("finally", cleanup);
        }

        return sb.Append(')');
    }

    public StringBuilder VisitThrow(ThrowStmt node)
    {
        sb.Append("(throw ");
        return Expr(node.Value).Append(')');
    }

    private StringBuilder Expr(LExpr expr) => expr.Accept(this);

    private StringBuilder Operands(ImmutableArray<Operand> operands)
    {
        foreach (var operand in operands)
        {
            sb.Append(' ');
            Expr(operand);
        }

        return sb;
    }

    private void Statements(ImmutableArray<LStmt> statements)
    {
        indent++;
        foreach (var statement in statements)
        {
            Line();
            statement.Accept(this);
        }

        indent--;
    }

    private void Nested(string head, ImmutableArray<LStmt> statements)
    {
        indent++;
        Line().Append('(').Append(head);
        Statements(statements);
        sb.Append(')');
        indent--;
    }

    private StringBuilder Line() => sb.Append('\n').Append(' ', indent * IndentWidth);
}
