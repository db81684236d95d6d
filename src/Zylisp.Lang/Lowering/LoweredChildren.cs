using System.Collections.Immutable;

namespace Zylisp.Lang.Lowering;

/// <summary>
/// What a lowered statement contains: its nested blocks, the expression it evaluates itself and
/// the operands it reads itself. Visitors, so a statement or expression kind added to the lowered
/// IR is a build error here rather than a silent gap in a backend's walk over a function.
/// </summary>
public static class LoweredChildren
{
    /// <summary>The blocks nested in the statement (branches, loop body, try/catch/finally), not inside nested functions.</summary>
    public static ImmutableArray<ImmutableArray<LStmt>> Blocks(LStmt statement) => statement.Accept(BlockVisitor.Instance);

    /// <summary>The expression the statement evaluates directly, if any.</summary>
    public static LExpr? Expression(LStmt statement) => statement.Accept(ExpressionVisitor.Instance);

    /// <summary>The operands the statement reads itself, in evaluation order (nested blocks excluded).</summary>
    public static ImmutableArray<Operand> Operands(LStmt statement) => statement.Accept(StatementOperands.Instance);

    /// <summary>The operands the expression reads, in evaluation order; an operand reads itself; a closure reads none here.</summary>
    public static ImmutableArray<Operand> Operands(LExpr expression) => expression.Accept(ExpressionOperands.Instance);

    private sealed class BlockVisitor : ILoweredStmtVisitor<ImmutableArray<ImmutableArray<LStmt>>>
    {
        public static readonly BlockVisitor Instance = new();

        public ImmutableArray<ImmutableArray<LStmt>> VisitExpr(ExprStmt node) => [];

        public ImmutableArray<ImmutableArray<LStmt>> VisitAssign(AssignStmt node) => [];

        public ImmutableArray<ImmutableArray<LStmt>> VisitReturn(ReturnStmt node) => [];

        public ImmutableArray<ImmutableArray<LStmt>> VisitTailCall(TailCallStmt node) => [];

        public ImmutableArray<ImmutableArray<LStmt>> VisitIf(IfStmt node) => [node.Then, node.Else];

        public ImmutableArray<ImmutableArray<LStmt>> VisitLoop(LoopStmt node) => [node.Body];

        public ImmutableArray<ImmutableArray<LStmt>> VisitRecur(RecurStmt node) => [];

        public ImmutableArray<ImmutableArray<LStmt>> VisitTry(TryStmt node) => [node.Body, node.Handler ?? [], node.Finally ?? []];

        public ImmutableArray<ImmutableArray<LStmt>> VisitThrow(ThrowStmt node) => [];
    }

    private sealed class ExpressionVisitor : ILoweredStmtVisitor<LExpr?>
    {
        public static readonly ExpressionVisitor Instance = new();

        public LExpr? VisitExpr(ExprStmt node) => node.Value;

        public LExpr? VisitAssign(AssignStmt node) => node.Value;

        public LExpr? VisitReturn(ReturnStmt node) => node.Value;

        public LExpr? VisitTailCall(TailCallStmt node) => node.Call;

        public LExpr? VisitIf(IfStmt node) => null;

        public LExpr? VisitLoop(LoopStmt node) => null;

        public LExpr? VisitRecur(RecurStmt node) => null;

        public LExpr? VisitTry(TryStmt node) => null;

        public LExpr? VisitThrow(ThrowStmt node) => null;
    }

    private sealed class StatementOperands : ILoweredStmtVisitor<ImmutableArray<Operand>>
    {
        public static readonly StatementOperands Instance = new();

        public ImmutableArray<Operand> VisitExpr(ExprStmt node) => Operands(node.Value);

        public ImmutableArray<Operand> VisitAssign(AssignStmt node) => Operands(node.Value);

        public ImmutableArray<Operand> VisitReturn(ReturnStmt node) => Operands(node.Value);

        public ImmutableArray<Operand> VisitTailCall(TailCallStmt node) => Operands(node.Call);

        public ImmutableArray<Operand> VisitIf(IfStmt node) => [node.Test];

        public ImmutableArray<Operand> VisitLoop(LoopStmt node) => [];

        public ImmutableArray<Operand> VisitRecur(RecurStmt node) => node.Args;

        public ImmutableArray<Operand> VisitTry(TryStmt node) => [];

        public ImmutableArray<Operand> VisitThrow(ThrowStmt node) => [node.Value];
    }

    private sealed class ExpressionOperands : ILoweredExprVisitor<ImmutableArray<Operand>>
    {
        public static readonly ExpressionOperands Instance = new();

        public ImmutableArray<Operand> VisitConst(ConstOperand node) => [node];

        public ImmutableArray<Operand> VisitLocal(LocalOperand node) => [node];

        public ImmutableArray<Operand> VisitGlobal(GlobalOperand node) => [node];

        public ImmutableArray<Operand> VisitCall(CallExpr node) => [node.Fn, .. node.Args];

        public ImmutableArray<Operand> VisitCollection(CollectionExpr node) => node.Items;

        public ImmutableArray<Operand> VisitFn(FnExpr node) => [];

        public ImmutableArray<Operand> VisitDef(DefExpr node) => node.Init is null ? [] : [node.Init];
    }
}
