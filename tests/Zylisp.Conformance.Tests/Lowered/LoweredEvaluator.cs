using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Conformance.Tests.Lowered;

/// <summary>
/// A straightforward evaluator of the lowered IR, written against Zylisp.Lang's public API only.
/// It is the conformance suite's check that lowering keeps every program's meaning (the
/// interpreter runs the analyzed IR; this runs the lowered IR of the same forms), and a second
/// engine built on the public runtime contract, as the compiled backends are.
/// </summary>
public sealed class LoweredExecutionEngine : IExecutionEngine
{
    public string Name => "lowered";

    public object? Execute(TopLevel form, RunContext ctx)
    {
        var lowered = Lowerer.Lower(form);
        var activation = new Activation(ctx, new object?[lowered.FrameSize], [], null);
        activation.Run(lowered.Body);
        return activation.Result;
    }
}

/// <summary>A function value made by a lowered <c>fn</c>: it takes part in calls and tail calls like any other.</summary>
internal sealed class LoweredFunction(LFunction function, object?[] captured) : ZFunction
{
    public override string Name => function.Name;

    public override object? Invoke(RunContext ctx, object?[] args)
    {
        var arity = Select(args.Length);
        ctx.Enter(function.Name);
        return ctx.CompleteCall(Run(ctx, arity, args));
    }

    public override object? InvokeStep(RunContext ctx, object?[] args) => Run(ctx, Select(args.Length), args);

    private LArity Select(int count)
    {
        LArity? variadic = null;
        foreach (var arity in function.Arities)
        {
            if (arity.Rest is null && arity.RequiredCount == count)
            {
                return arity;
            }

            if (arity.Rest is not null && count >= arity.RequiredCount)
            {
                variadic = arity;
            }
        }

        return variadic ?? throw RuntimeErrors.Arity(function.Name, count);
    }

    private object? Run(RunContext ctx, LArity arity, object?[] args)
    {
        var frame = new object?[arity.FrameSize];
        for (int i = 0; i < arity.RequiredCount; i++)
        {
            frame[i] = args[i];
        }

        if (arity.Rest is not null)
        {
            frame[arity.RequiredCount] = args.Length > arity.RequiredCount ? Zylisp.Lang.Data.PersistentList.CreateRange(args.Skip(arity.RequiredCount)) : null;
        }

        for (int i = 0; i < arity.ParamTypes.Length; i++)
        {
            if (arity.ParamTypes[i] is { } type)
            {
                var name = i < arity.Params.Length ? arity.Params[i].Name : arity.Rest!.Name;
                RuntimeApi.CheckAnnotation(function.Name, "argument `" + name + "`", type, frame[i]);
            }
        }

        var activation = new Activation(ctx, frame, captured, this);
        while (activation.Run(arity.Body) == Signal.Recur)
        {
            ctx.PollInterrupt();
        }

        if (arity.ReturnType is { } returns)
        {
            RuntimeApi.CheckAnnotation(function.Name, "return value", returns, activation.Result);
        }

        return activation.Result;
    }
}

internal enum Signal
{
    /// <summary>The block ran to its end.</summary>
    Normal,

    /// <summary>The function returned (or made a tail call); the value is in <see cref="Activation.Result"/>.</summary>
    Return,

    /// <summary>A recur rebound the loop's locals; start the innermost loop again.</summary>
    Recur,
}

/// <summary>One running function arity or top-level form: its frame, captures and result.</summary>
internal sealed class Activation(RunContext ctx, object?[] frame, object?[] captured, ZFunction? self)
    : ILoweredStmtVisitor<Signal>, ILoweredExprVisitor<object?>
{
    public object? Result { get; private set; }

    public Signal Run(ImmutableArray<LStmt> block)
    {
        foreach (var statement in block)
        {
            var signal = statement.Accept(this);
            if (signal != Signal.Normal)
            {
                return signal;
            }
        }

        return Signal.Normal;
    }

    public Signal VisitExpr(ExprStmt node)
    {
        Eval(node.Value);
        return Signal.Normal;
    }

    public Signal VisitAssign(AssignStmt node)
    {
        frame[node.Target.Slot] = Eval(node.Value);
        return Signal.Normal;
    }

    public Signal VisitReturn(ReturnStmt node)
    {
        Result = Eval(node.Value);
        return Signal.Return;
    }

    public Signal VisitTailCall(TailCallStmt node)
    {
        var call = node.Call;
        try
        {
            var fn = Eval(call.Fn);
            Result = RuntimeApi.TailCall(ctx, fn, EvalAll(call.Args));
        }
        catch (Exception e) when (RuntimeApi.AddCallSite(e, call.Caller, call.Span))
        {
            throw;
        }
        catch (Exception e) when (RuntimeApi.IsHostFailure(e))
        {
            throw RuntimeApi.FromHostFailure(e, call.Caller, call.Span);
        }

        return Signal.Return;
    }

    public Signal VisitIf(IfStmt node) => Run(RuntimeApi.IsTrue(Eval(node.Test), node.Truthiness) ? node.Then : node.Else);

    public Signal VisitLoop(LoopStmt node)
    {
        while (true)
        {
            var signal = Run(node.Body);
            if (signal != Signal.Recur)
            {
                return signal;
            }

            ctx.PollInterrupt();
        }
    }

    public Signal VisitRecur(RecurStmt node)
    {
        var values = EvalAll(node.Args);
        for (int i = 0; i < values.Length; i++)
        {
            frame[node.Targets[i].Slot] = values[i];
        }

        return Signal.Recur;
    }

    public Signal VisitTry(TryStmt node)
    {
        int depth = ctx.Depth;
        try
        {
            return Run(node.Body);
        }
        catch (Exception e) when (node.Handler is not null && RuntimeApi.IsCatchable(e))
        {
            frame[node.CatchLocal!.Slot] = RuntimeApi.Caught(ctx, e, depth, node.Span);
            return Run(node.Handler.Value);
        }
        finally
        {
            if (node.Finally is { } cleanup)
            {
                ctx.RestoreDepth(depth);
                Run(cleanup);
            }
        }
    }

    public Signal VisitThrow(ThrowStmt node) => throw RuntimeApi.Throw(Eval(node.Value), node.Caller, node.Span);

    public object? VisitConst(ConstOperand node) => node.Value;

    public object? VisitLocal(LocalOperand node) => node.Access switch
    {
        LocalAccess.Slot => frame[node.Index],
        LocalAccess.Captured => captured[node.Index],
        _ => self,
    };

    public object? VisitGlobal(GlobalOperand node) => RuntimeApi.ReadGlobal(ctx, node.Var, node.Span);

    public object? VisitCall(CallExpr node)
    {
        try
        {
            var fn = Eval(node.Fn);
            return RuntimeApi.Call(ctx, fn, EvalAll(node.Args));
        }
        catch (Exception e) when (RuntimeApi.AddCallSite(e, node.Caller, node.Span))
        {
            throw;
        }
        catch (Exception e) when (RuntimeApi.IsHostFailure(e))
        {
            throw RuntimeApi.FromHostFailure(e, node.Caller, node.Span);
        }
    }

    public object? VisitCollection(CollectionExpr node) => RuntimeApi.MakeCollection(node.Kind, EvalAll(node.Items));

    public object? VisitFn(FnExpr node)
    {
        var captures = node.Function.Captures;
        var values = new object?[captures.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = captures[i].SourceAccess switch
            {
                LocalAccess.Slot => frame[captures[i].SourceIndex],
                LocalAccess.Captured => captured[captures[i].SourceIndex],
                _ => self,
            };
        }

        return new LoweredFunction(node.Function, values);
    }

    public object? VisitDef(DefExpr node) =>
        RuntimeApi.Define(node.Var, node.Init is not null, node.Init is null ? null : Eval(node.Init), node.Meta);

    private object? Eval(LExpr expr) => expr.Accept(this);

    private object?[] EvalAll(ImmutableArray<Operand> operands)
    {
        var values = new object?[operands.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Eval(operands[i]);
        }

        return values;
    }
}
