using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Compilation;

/// <summary>Every global an analyzed form refers to, with where: the edges of a program's reachability graph.</summary>
// A visitor over a reference type (its results are unused): an IIrVisitor<bool> made every
// node's generic Accept<bool> a method ReadyToRun could not precompile, JIT-compiled on every
// start (docs/design/cli-startup.md).
public sealed class GlobalReferences : IIrVisitor<object?>
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

    public object? VisitConst(ConstNode node)
    {
        // (var name) is a constant Var: the program refers to that global as surely as by value.
        if (node.Value is Runtime.Var v)
        {
            found.Add((v, node.Span));
        }

        return null;
    }

    public object? VisitLocalRef(LocalRefNode node) => null;

    public object? VisitGlobalRef(GlobalRefNode node)
    {
        found.Add((node.Var, node.Span));
        return null;
    }

    public object? VisitCollection(CollectionNode node) => All(node.Items);

    public object? VisitIf(IfNode node)
    {
        Walk(node.Test);
        Walk(node.Then);
        return Walk(node.Else);
    }

    public object? VisitDo(DoNode node)
    {
        All(node.Statements);
        return Walk(node.Result);
    }

    public object? VisitLet(LetNode node)
    {
        Bindings(node.Bindings);
        return Walk(node.Body);
    }

    public object? VisitLoop(LoopNode node)
    {
        Bindings(node.Bindings);
        return Walk(node.Body);
    }

    public object? VisitRecur(RecurNode node) => All(node.Args);

    public object? VisitFn(FnNode node)
    {
        foreach (var arity in node.Arities)
        {
            Walk(arity.Body);
        }

        return null;
    }

    public object? VisitDef(DefNode node)
    {
        found.Add((node.Var, node.Span));
        return node.Init is null ? null : Walk(node.Init);
    }

    public object? VisitInvoke(InvokeNode node)
    {
        Walk(node.Fn);
        return All(node.Args);
    }

    public object? VisitTry(TryNode node)
    {
        Walk(node.Body);
        if (node.Handler is not null)
        {
            Walk(node.Handler);
        }

        return node.Finally is null ? null : Walk(node.Finally);
    }

    public object? VisitThrow(ThrowNode node) => Walk(node.Value);

    private object? Walk(Node node) => node.Accept(this);

    // Plain loops, not LINQ: this walk runs on every top-level form, start-up included.
    private object? All(ImmutableArray<Node> nodes)
    {
        foreach (var node in nodes)
        {
            Walk(node);
        }

        return null;
    }

    private object? Bindings(ImmutableArray<LetBinding> bindings)
    {
        foreach (var binding in bindings)
        {
            Walk(binding.Init);
        }

        return null;
    }
}
