using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Compilation;

/// <summary>
/// Every global an analyzed form refers to, with where: the edges of a program's reachability graph.
/// The visitor's result is an object (always <see cref="Walked"/>), not a bool: ReadyToRun does not
/// precompile the IR's generic Accept over a value type, so Accept&lt;bool&gt; was JIT-compiled for
/// every node kind in each process that collects a program.
/// </summary>
public sealed class GlobalReferences : IIrVisitor<object>
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

    public object VisitConst(ConstNode node)
    {
        // (var name) is a constant Var: the program refers to that global as surely as by value.
        if (node.Value is Runtime.Var v)
        {
            found.Add((v, node.Span));
        }

        return Walked;
    }

    public object VisitLocalRef(LocalRefNode node) => Walked;

    public object VisitGlobalRef(GlobalRefNode node)
    {
        found.Add((node.Var, node.Span));
        return Walked;
    }

    public object VisitCollection(CollectionNode node) => All(node.Items);

    public object VisitIf(IfNode node)
    {
        Walk(node.Test);
        Walk(node.Then);
        return Walk(node.Else);
    }

    public object VisitDo(DoNode node)
    {
        All(node.Statements);
        return Walk(node.Result);
    }

    public object VisitLet(LetNode node)
    {
        Bindings(node.Bindings);
        return Walk(node.Body);
    }

    public object VisitLoop(LoopNode node)
    {
        Bindings(node.Bindings);
        return Walk(node.Body);
    }

    public object VisitRecur(RecurNode node) => All(node.Args);

    public object VisitFn(FnNode node)
    {
        foreach (var arity in node.Arities)
        {
            Walk(arity.Body);
        }

        return Walked;
    }

    public object VisitDef(DefNode node)
    {
        found.Add((node.Var, node.Span));
        return node.Init is null ? Walked : Walk(node.Init);
    }

    public object VisitInvoke(InvokeNode node)
    {
        Walk(node.Fn);
        return All(node.Args);
    }

    public object VisitTry(TryNode node)
    {
        Walk(node.Body);
        if (node.Handler is not null)
        {
            Walk(node.Handler);
        }

        return node.Finally is null ? Walked : Walk(node.Finally);
    }

    public object VisitThrow(ThrowNode node) => Walk(node.Value);

    private static readonly object Walked = new();

    private object Walk(Node node) => node.Accept(this);

    // Plain loops, not LINQ: this walk runs on every top-level form, start-up included.
    private object All(ImmutableArray<Node> nodes)
    {
        foreach (var node in nodes)
        {
            Walk(node);
        }

        return Walked;
    }

    private void Bindings(ImmutableArray<LetBinding> bindings)
    {
        foreach (var binding in bindings)
        {
            Walk(binding.Init);
        }
    }
}
