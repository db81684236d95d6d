using System.Collections.Immutable;
using Zylisp.Lang.Analysis;

namespace Zylisp.Lang.Lowering;

/// <summary>
/// The lowering pass: analyzed IR → lowered IR (docs/design/lowered-ir.md). Each node is lowered
/// towards a destination: discard it, assign it to a local, or return it from the function.
/// A compound node in an operand position (an `if` as an argument, say) is lowered into a fresh
/// temporary first, so every operand ends up trivial. Temporaries take frame slots after the
/// analyzer's, so every existing slot, capture and recur target keeps its meaning.
/// </summary>
public sealed class Lowerer : IIrVisitor<Lowerer.Unit>
{
    private readonly List<LStmt> output;
    private readonly Destination destination;
    private readonly TempAllocator temps;

    private Lowerer(List<LStmt> output, Destination destination, TempAllocator temps)
    {
        this.output = output;
        this.destination = destination;
        this.temps = temps;
    }

    /// <summary>
    /// The visitor's result type: lowering writes statements, it returns nothing. A class, not a
    /// struct: ReadyToRun does not precompile the IR's generic Accept over a value type, so each
    /// node kind's Accept&lt;Unit&gt; was JIT-compiled in every process that lowers.
    /// </summary>
    public sealed class Unit
    {
        public static readonly Unit Value = new();

        private Unit()
        {
        }
    }

    /// <summary>Lowers one analyzed top-level form; its statements end by returning the form's value.</summary>
    public static LTopLevel Lower(TopLevel top)
    {
        ArgumentNullException.ThrowIfNull(top);
        var temps = new TempAllocator(top.FrameSize);
        var body = Block(top.Body, Destination.Return, temps);
        return new LTopLevel(body, temps.FrameSize);
    }

    /// <summary>Lowers a function on its own (each arity gets its own temporaries).</summary>
    public static LFunction LowerFunction(FnNode fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        var arities = ImmutableArray.CreateBuilder<LArity>(fn.Arities.Length);
        foreach (var arity in fn.Arities)
        {
            var temps = new TempAllocator(arity.FrameSize);
            var body = Block(arity.Body, Destination.Return, temps);
            arities.Add(new LArity(arity.Params, arity.Rest, temps.FrameSize, body, arity.HasRecur, arity.ParamTypes, arity.ReturnType));
        }

        return new LFunction(fn.Name, arities.MoveToImmutable(), fn.Captures, fn.Span);
    }

    private static ImmutableArray<LStmt> Block(Node node, Destination destination, TempAllocator temps)
    {
        var output = new List<LStmt>();
        node.Accept(new Lowerer(output, destination, temps));
        return [.. output];
    }

    private ImmutableArray<LStmt> Block(Node node, Destination into) => Block(node, into, temps);

    private void Lower(Node node, Destination into) => node.Accept(new Lowerer(output, into, temps));

    /// <summary>A trivial operand for <paramref name="node"/>, hoisting anything else into a temporary.</summary>
    private Operand ToOperand(Node node)
    {
        switch (node)
        {
            case ConstNode c:
                return new ConstOperand(c.Value, c.Span);
            case LocalRefNode l:
                return new LocalOperand(l.Binding, l.Access, l.Index, l.Span);
            case GlobalRefNode g:
                return new GlobalOperand(g.Var, g.Span);
        }

        var temp = temps.Next();
        Lower(node, Destination.Into(temp));
        return new LocalOperand(temp, LocalAccess.Slot, temp.Slot, node.Span);
    }

    private ImmutableArray<Operand> ToOperands(ImmutableArray<Node> nodes)
    {
        var operands = ImmutableArray.CreateBuilder<Operand>(nodes.Length);
        foreach (var node in nodes)
        {
            operands.Add(ToOperand(node));
        }

        return operands.MoveToImmutable();
    }

    /// <summary>Sends a simple expression to this lowering's destination.</summary>
    private Unit Deliver(LExpr value)
    {
        switch (destination.Kind)
        {
            case DestinationKind.Effect when value is ConstOperand or LocalOperand:
                break; // reading a constant or a local for nothing does nothing
            case DestinationKind.Effect:
                output.Add(new ExprStmt(value, value.Span));
                break;
            case DestinationKind.Assign:
                output.Add(new AssignStmt(destination.Target!, value, value.Span));
                break;
            default:
                output.Add(new ReturnStmt(value, value.Span));
                break;
        }

        return Unit.Value;
    }

    public Unit VisitConst(ConstNode node) => Deliver(new ConstOperand(node.Value, node.Span));

    public Unit VisitLocalRef(LocalRefNode node) => Deliver(new LocalOperand(node.Binding, node.Access, node.Index, node.Span));

    public Unit VisitGlobalRef(GlobalRefNode node) => Deliver(new GlobalOperand(node.Var, node.Span));

    public Unit VisitCollection(CollectionNode node) => Deliver(new CollectionExpr(node.Kind, ToOperands(node.Items), node.Span));

    public Unit VisitFn(FnNode node) => Deliver(new FnExpr(LowerFunction(node), node.Span));

    public Unit VisitDef(DefNode node) =>
        Deliver(new DefExpr(node.Var, node.Init is null ? null : ToOperand(node.Init), node.Meta, node.Span));

    public Unit VisitInvoke(InvokeNode node)
    {
        var fn = ToOperand(node.Fn);
        var call = new CallExpr(fn, ToOperands(node.Args), node.Caller, node.Span);
        if (node.Context == NodeContext.Tail && destination.Kind == DestinationKind.Return)
        {
            output.Add(new TailCallStmt(call, node.Span));
            return Unit.Value;
        }

        return Deliver(call);
    }

    public Unit VisitIf(IfNode node)
    {
        var test = ToOperand(node.Test);
        output.Add(new IfStmt(test, Block(node.Then, destination), Block(node.Else, destination), node.Truthiness, node.Span));
        return Unit.Value;
    }

    public Unit VisitDo(DoNode node)
    {
        foreach (var statement in node.Statements)
        {
            Lower(statement, Destination.Effect);
        }

        Lower(node.Result, destination);
        return Unit.Value;
    }

    public Unit VisitLet(LetNode node)
    {
        foreach (var binding in node.Bindings)
        {
            Lower(binding.Init, Destination.Into(binding.Local));
        }

        Lower(node.Body, destination);
        return Unit.Value;
    }

    public Unit VisitLoop(LoopNode node)
    {
        var locals = ImmutableArray.CreateBuilder<LocalBinding>(node.Bindings.Length);
        foreach (var binding in node.Bindings)
        {
            Lower(binding.Init, Destination.Into(binding.Local));
            locals.Add(binding.Local);
        }

        output.Add(new LoopStmt(locals.MoveToImmutable(), Block(node.Body, destination), node.Span));
        return Unit.Value;
    }

    public Unit VisitRecur(RecurNode node)
    {
        output.Add(new RecurStmt(node.Targets, ToOperands(node.Args), node.Span));
        return Unit.Value;
    }

    public Unit VisitTry(TryNode node)
    {
        // Nothing leaves a try but by falling through or throwing, so a try in tail position
        // computes into a temporary and returns it after the try.
        var into = destination;
        LocalBinding? result = null;
        if (destination.Kind == DestinationKind.Return)
        {
            result = temps.Next();
            into = Destination.Into(result);
        }

        var body = Block(node.Body, into);
        ImmutableArray<LStmt>? handler = node.Handler is null ? null : Block(node.Handler, into);
        ImmutableArray<LStmt>? cleanup = node.Finally is null ? null : Block(node.Finally, Destination.Effect);
        output.Add(new TryStmt(body, node.CatchLocal, handler, cleanup, node.Span));
        if (result is not null)
        {
            output.Add(new ReturnStmt(new LocalOperand(result, LocalAccess.Slot, result.Slot, node.Span), node.Span));
        }

        return Unit.Value;
    }

    public Unit VisitThrow(ThrowNode node)
    {
        output.Add(new ThrowStmt(ToOperand(node.Value), node.Caller, node.Span));
        return Unit.Value;
    }

    private enum DestinationKind
    {
        Effect,
        Assign,
        Return,
    }

    /// <summary>Where a lowered node's value goes: nowhere, into a local, or out of the function.</summary>
    private readonly record struct Destination(DestinationKind Kind, LocalBinding? Target)
    {
        public static Destination Effect => new(DestinationKind.Effect, null);

        public static Destination Return => new(DestinationKind.Return, null);

        public static Destination Into(LocalBinding target) => new(DestinationKind.Assign, target);
    }

    /// <summary>Fresh temporaries of one function arity (or top-level form), numbered after the analyzer's slots.</summary>
    private sealed class TempAllocator(int firstFreeSlot)
    {
        private int count;

        public int FrameSize { get; private set; } = firstFreeSlot;

        public LocalBinding Next()
        {
            var temp = new LocalBinding("t" + ++count, FrameSize, null);
            FrameSize++;
            return temp;
        }
    }
}
