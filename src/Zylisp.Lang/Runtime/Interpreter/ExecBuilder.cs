using System.Collections.Immutable;
using Zylisp.Lang.Analysis;

namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>
/// The interpreter's one pass over the IR: builds the executable node tree once per top-level
/// form. Calls of the core numeric primitives through their globals get inlined nodes.
/// </summary>
internal sealed class ExecBuilder : IIrVisitor<ExecNode>
{
    private static readonly ExecBuilder Instance = new();

    private ExecBuilder()
    {
    }

    public static ExecNode Build(Node node) => node.Accept(Instance);

    public ExecNode VisitConst(ConstNode node) => new ConstExec(node.Value);

    public ExecNode VisitLocalRef(LocalRefNode node) => node.Access switch
    {
        LocalAccess.Slot => new SlotExec(node.Index),
        LocalAccess.Captured => new CapturedExec(node.Index),
        _ => new SelfExec(),
    };

    public ExecNode VisitGlobalRef(GlobalRefNode node) => new GlobalExec(node.Var, node.Span);

    public ExecNode VisitCollection(CollectionNode node) => new CollectionExec(node.Kind, BuildAll(node.Items));

    public ExecNode VisitIf(IfNode node) => node.Truthiness == Truthiness.Slisp
        ? new IfSlispExec(Build(node.Test), Build(node.Then), Build(node.Else))
        : new IfExec(Build(node.Test), Build(node.Then), Build(node.Else));

    public ExecNode VisitDo(DoNode node) => new DoExec(BuildAll(node.Statements), Build(node.Result));

    public ExecNode VisitLet(LetNode node) => new LetExec(Slots(node.Bindings), Inits(node.Bindings), Build(node.Body));

    public ExecNode VisitLoop(LoopNode node) => new LoopExec(Slots(node.Bindings), Inits(node.Bindings), Build(node.Body));

    public ExecNode VisitRecur(RecurNode node) => BuildRecur(node);

    public ExecNode VisitFn(FnNode node) => BuildFn(node);

    public ExecNode VisitDef(DefNode node) => new DefExec(node.Var, node.Init is null ? null : Build(node.Init), node.Meta);

    public ExecNode VisitInvoke(InvokeNode node) => BuildInvoke(node);

    public ExecNode VisitTry(TryNode node) =>
        new TryExec(Build(node.Body), node.CatchLocal?.Slot ?? -1, node.Handler is null ? null : Build(node.Handler), node.Finally is null ? null : Build(node.Finally), node.Span);

    public ExecNode VisitThrow(ThrowNode node) => new ThrowExec(Build(node.Value), node.Caller, node.Span);

    // Plain loops in these helpers: LINQ projections to int[] are generic instantiations over a
    // value type, JIT-compiled on the first program that has a let (docs/design/cli-startup.md).
    private static ExecNode[] BuildAll(ImmutableArray<Node> nodes)
    {
        var built = new ExecNode[nodes.Length];
        for (int i = 0; i < built.Length; i++)
        {
            built[i] = Build(nodes[i]);
        }

        return built;
    }

    private static int[] Slots(ImmutableArray<LetBinding> bindings)
    {
        var slots = new int[bindings.Length];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = bindings[i].Local.Slot;
        }

        return slots;
    }

    private static int[] Slots(ImmutableArray<LocalBinding> targets)
    {
        var slots = new int[targets.Length];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = targets[i].Slot;
        }

        return slots;
    }

    private static ExecNode[] Inits(ImmutableArray<LetBinding> bindings)
    {
        var inits = new ExecNode[bindings.Length];
        for (int i = 0; i < inits.Length; i++)
        {
            inits[i] = Build(bindings[i].Init);
        }

        return inits;
    }

    private static ExecNode BuildRecur(RecurNode r) => r.Args.Length switch
    {
        1 => new Recur1Exec(r.Targets[0].Slot, Build(r.Args[0])),
        2 => new Recur2Exec(r.Targets[0].Slot, Build(r.Args[0]), r.Targets[1].Slot, Build(r.Args[1])),
        _ => new RecurExec(Slots(r.Targets), BuildAll(r.Args)),
    };

    private static ExecNode BuildFn(FnNode fn)
    {
        var arities = fn.Arities.Select(a =>
        {
            var body = Build(a.Body);
            if (a.HasRecur)
            {
                body = new RecurBodyExec(body);
            }

            var names = a.Params.Select(p => p.Name).ToImmutableArray();
            if (a.Rest is not null)
            {
                names = names.Add(a.Rest.Name);
            }

            return new ArityCode(fn.Name, a.RequiredCount, a.Rest is not null, a.FrameSize, body, a.ParamTypes, names, a.ReturnType);
        }).ToImmutableArray();
        return new FnExec(new FnTemplate(fn, arities), [.. fn.Captures]);
    }

    private static ExecNode BuildInvoke(InvokeNode i)
    {
        // Primitives never make further calls, so inlining them loses nothing in tail position either.
        if (i.Fn is GlobalRefNode { Var.Value: Builtin { Op: not PrimitiveOp.None } prim } g)
        {
            var inlined = i.Args.Length switch
            {
                1 => PrimitiveNodes.TryUnary(prim.Op, g.Var, prim, Build(i.Args[0]), i.Caller, i.Span),
                2 => PrimitiveNodes.TryBinary(prim.Op, g.Var, prim, Build(i.Args[0]), Build(i.Args[1]), i.Caller, i.Span),
                _ => null,
            };
            if (inlined is not null)
            {
                return inlined;
            }
        }

        var fn = Build(i.Fn);
        if (i.Context == NodeContext.Tail)
        {
            return new TailInvokeExec(fn, BuildAll(i.Args), i.Caller, i.Span);
        }

        return (i.Args.Length, fn) switch
        {
            (1, GlobalExec global) => new InvokeGlobal1Exec(global, Build(i.Args[0]), i.Caller, i.Span),
            (2, GlobalExec global) => new InvokeGlobal2Exec(global, Build(i.Args[0]), Build(i.Args[1]), i.Caller, i.Span),
            (1, SelfExec) => new InvokeSelf1Exec(Build(i.Args[0]), i.Caller, i.Span),
            (2, SelfExec) => new InvokeSelf2Exec(Build(i.Args[0]), Build(i.Args[1]), i.Caller, i.Span),
            _ => i.Args.Length switch
            {
            0 => new Invoke0Exec(fn, i.Caller, i.Span),
            1 => new Invoke1Exec(fn, Build(i.Args[0]), i.Caller, i.Span),
            2 => new Invoke2Exec(fn, Build(i.Args[0]), Build(i.Args[1]), i.Caller, i.Span),
            3 => new Invoke3Exec(fn, Build(i.Args[0]), Build(i.Args[1]), Build(i.Args[2]), i.Caller, i.Span),
            _ => new InvokeNExec(fn, BuildAll(i.Args), i.Caller, i.Span),
            },
        };
    }
}
