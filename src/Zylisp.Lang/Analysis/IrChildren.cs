using System.Collections.Immutable;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// The direct sub-expressions of an analyzed node within the same function, in evaluation order.
/// A nested <see cref="FnNode"/> has none here: its body is code of its own. Tree queries (does
/// this body call, loop, contain a try?) recurse through this one visitor instead of each
/// matching every node kind with a default arm, so a node kind added to the IR is a build error
/// here rather than a silent wrong answer in some backend's query.
/// </summary>
public static class IrChildren
{
    public static ImmutableArray<Node> Of(Node node) => node.Accept(ChildVisitor.Instance);

    private sealed class ChildVisitor : IIrVisitor<ImmutableArray<Node>>
    {
        public static readonly ChildVisitor Instance = new();

        public ImmutableArray<Node> VisitConst(ConstNode node) => [];

        public ImmutableArray<Node> VisitLocalRef(LocalRefNode node) => [];

        public ImmutableArray<Node> VisitGlobalRef(GlobalRefNode node) => [];

        public ImmutableArray<Node> VisitCollection(CollectionNode node) => node.Items;

        public ImmutableArray<Node> VisitIf(IfNode node) => [node.Test, node.Then, node.Else];

        public ImmutableArray<Node> VisitDo(DoNode node) => [.. node.Statements, node.Result];

        public ImmutableArray<Node> VisitLet(LetNode node) => [.. node.Bindings.Select(b => b.Init), node.Body];

        public ImmutableArray<Node> VisitLoop(LoopNode node) => [.. node.Bindings.Select(b => b.Init), node.Body];

        public ImmutableArray<Node> VisitRecur(RecurNode node) => node.Args;

        public ImmutableArray<Node> VisitFn(FnNode node) => [];

        public ImmutableArray<Node> VisitDef(DefNode node) => node.Init is null ? [] : [node.Init];

        public ImmutableArray<Node> VisitInvoke(InvokeNode node) => [node.Fn, .. node.Args];

        public ImmutableArray<Node> VisitTry(TryNode node) =>
            [node.Body, .. node.Handler is null ? [] : new[] { node.Handler }, .. node.Finally is null ? [] : new[] { node.Finally }];

        public ImmutableArray<Node> VisitThrow(ThrowNode node) => [node.Value];
    }
}
