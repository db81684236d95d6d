using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// The direct sub-expressions of an analyzed node within the same function, in evaluation order.
/// A nested <see cref="FnNode"/> has none here: its body is code of its own. Tree queries (does
/// this body call, loop, contain a try?) recurse through this one visitor instead of each
/// matching every node kind with a default arm, so a node kind added to the IR is a build error
/// here rather than a silent wrong answer in some backend's query.
/// The visitor returns a plain array, wrapped without a copy: <c>Accept&lt;T&gt;</c> over a struct
/// such as <see cref="ImmutableArray{T}"/> is not precompiled by ReadyToRun, and its seven
/// instantiations were JIT-compiled at the start of every run that compiled code.
/// </summary>
public static class IrChildren
{
    public static ImmutableArray<Node> Of(Node node) => ImmutableCollectionsMarshal.AsImmutableArray(node.Accept(ChildVisitor.Instance));

    private sealed class ChildVisitor : IIrVisitor<Node[]>
    {
        public static readonly ChildVisitor Instance = new();

        public Node[] VisitConst(ConstNode node) => [];

        public Node[] VisitLocalRef(LocalRefNode node) => [];

        public Node[] VisitGlobalRef(GlobalRefNode node) => [];

        public Node[] VisitCollection(CollectionNode node) => ImmutableCollectionsMarshal.AsArray(node.Items)!;

        public Node[] VisitIf(IfNode node) => [node.Test, node.Then, node.Else];

        public Node[] VisitDo(DoNode node) => [.. node.Statements, node.Result];

        public Node[] VisitLet(LetNode node) => [.. node.Bindings.Select(b => b.Init), node.Body];

        public Node[] VisitLoop(LoopNode node) => [.. node.Bindings.Select(b => b.Init), node.Body];

        public Node[] VisitRecur(RecurNode node) => ImmutableCollectionsMarshal.AsArray(node.Args)!;

        public Node[] VisitFn(FnNode node) => [];

        public Node[] VisitDef(DefNode node) => node.Init is null ? [] : [node.Init];

        public Node[] VisitInvoke(InvokeNode node) => [node.Fn, .. node.Args];

        public Node[] VisitTry(TryNode node) =>
            [node.Body, .. node.Handler is null ? [] : new[] { node.Handler }, .. node.Finally is null ? [] : new[] { node.Finally }];

        public Node[] VisitThrow(ThrowNode node) => [node.Value];
    }
}
