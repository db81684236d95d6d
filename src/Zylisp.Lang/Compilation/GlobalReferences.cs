using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Compilation;

/// <summary>Every global an analyzed form refers to, with where: the edges of a program's reachability graph.</summary>
public sealed class GlobalReferences : IIrVisitor<bool>
{
    private readonly List<(Var Var, SourceSpan? Span)> found = [];

    private GlobalReferences()
    {
    }

    public static IReadOnlyList<(Var Var, SourceSpan? Span)> Of(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var walker = new GlobalReferences();
        node.Accept(walker);
        return walker.found;
    }

    public bool VisitConst(ConstNode node)
    {
        // (var name) is a constant Var: the program refers to that global as surely as by value.
        if (node.Value is Runtime.Var v)
        {
            found.Add((v, node.Span));
        }

        return true;
    }

    public bool VisitLocalRef(LocalRefNode node) => true;

    public bool VisitGlobalRef(GlobalRefNode node)
    {
        found.Add((node.Var, node.Span));
        return true;
    }

    public bool VisitCollection(CollectionNode node) => All(node.Items);

    public bool VisitIf(IfNode node) => Walk(node.Test) && Walk(node.Then) && Walk(node.Else);

    public bool VisitDo(DoNode node) => All(node.Statements) && Walk(node.Result);

    public bool VisitLet(LetNode node) => Bindings(node.Bindings) && Walk(node.Body);

    public bool VisitLoop(LoopNode node) => Bindings(node.Bindings) && Walk(node.Body);

    public bool VisitRecur(RecurNode node) => All(node.Args);

    public bool VisitFn(FnNode node)
    {
        foreach (var arity in node.Arities)
        {
            Walk(arity.Body);
        }

        return true;
    }

    public bool VisitDef(DefNode node)
    {
        found.Add((node.Var, node.Span));
        return node.Init is null || Walk(node.Init);
    }

    public bool VisitInvoke(InvokeNode node) => Walk(node.Fn) && All(node.Args);

    public bool VisitTry(TryNode node) =>
        Walk(node.Body) && (node.Handler is null || Walk(node.Handler)) && (node.Finally is null || Walk(node.Finally));

    public bool VisitThrow(ThrowNode node) => Walk(node.Value);

    private bool Walk(Node node) => node.Accept(this);

    // Plain loops, not LINQ: this walk runs on every top-level form, start-up included.
    private bool All(ImmutableArray<Node> nodes)
    {
        foreach (var node in nodes)
        {
            Walk(node);
        }

        return true;
    }

    private bool Bindings(ImmutableArray<LetBinding> bindings)
    {
        foreach (var binding in bindings)
        {
            Walk(binding.Init);
        }

        return true;
    }
}
