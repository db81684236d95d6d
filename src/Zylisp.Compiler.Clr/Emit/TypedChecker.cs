using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>The .NET type a typed value lives in; <see cref="Never"/> for code that jumps away (recur, tail self-call).</summary>
internal enum ValueKind
{
    Long,
    Double,
    Bool,
    Never,
}

/// <summary>
/// Decides whether a deffunc arity can run unboxed, and the kind of every node in it. The typed
/// subset is what a numeric kernel needs: typed parameters, let/loop locals, numeric constants,
/// the inlined arithmetic and comparison primitives on matching kinds, if, do, recur and calls
/// of the function itself. Anything else (a call of another function, a string, a collection…)
/// makes the arity ineligible and it runs boxed, as before. Primitives are assumed to be the
/// core ones; the boxed entry checks that before taking the typed path (<see cref="Guards"/>).
/// </summary>
internal sealed class TypedChecker
{
    private readonly FnArity arity;
    // Kinds are kept boxed (one shared box per kind): Dictionary<_, ValueKind>'s code, like any
    // collection over a value type, is not precompiled by ReadyToRun, and it was JIT-compiled at
    // the start of every il run that compiled a typed fn (about ten methods), while the
    // reference-only instantiation is shared code that is precompiled.
    private static readonly object[] BoxedKinds = [ValueKind.Long, ValueKind.Double, ValueKind.Bool, ValueKind.Never];
    private readonly Dictionary<LocalBinding, object> locals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, object> kinds = new(ReferenceEqualityComparer.Instance);

    private TypedChecker(FnArity arity) => this.arity = arity;

    /// <summary>The globals that must still hold these core primitives for the typed code to be the same program.</summary>
    public List<(Var Global, Builtin Primitive)> Guards { get; } = [];

    public ValueKind[] ParamKinds { get; private init; } = [];

    public ValueKind ReturnKind { get; private init; }

    public ValueKind KindOf(Node node) => (ValueKind)kinds[node];

    public ValueKind KindOf(LocalBinding local) => (ValueKind)locals[local];

    /// <summary>
    /// True when the checker assumed the kinds of an unannotated fn (every parameter an integer):
    /// the boxed entry then checks each argument is one before taking the typed path.
    /// </summary>
    public bool Speculative { get; private init; }

    /// <summary>The checked arity, or null when it must run boxed.</summary>
    public static TypedChecker? TryCheck(FnNode fn)
    {
        if (fn.Arities.Length != 1 || fn.Arities[0] is not { Rest: null } arity)
        {
            return null;
        }

        if (arity.ReturnType is null && (arity.ParamTypes.IsDefaultOrEmpty || arity.ParamTypes.All(t => t is null)))
        {
            return TrySpeculate(arity);
        }

        if (arity.ReturnType is not { } returnType
            || arity.ParamTypes.IsDefaultOrEmpty || arity.ParamTypes.Length != arity.Params.Length
            || KindOf(returnType) is not { } returnKind)
        {
            return null;
        }

        var paramKinds = new ValueKind[arity.Params.Length];
        for (int i = 0; i < paramKinds.Length; i++)
        {
            if (arity.ParamTypes[i] is not { } t || KindOf(t) is not { } kind)
            {
                return null;
            }

            paramKinds[i] = kind;
        }

        return Check(arity, paramKinds, returnKind, speculative: false);
    }

    /// <summary>
    /// An unannotated fn whose work repeats (it calls itself or loops) is checked as if every
    /// parameter were an integer, returning an integer or else a bool: naive fib and integer
    /// loops then run unboxed while their arguments are integers. Zylisp integer arithmetic wraps
    /// in boxed code too, and identical? compares integers by value, so the typed path is the same
    /// program for integer arguments; any other argument takes the boxed body.
    /// </summary>
    private static TypedChecker? TrySpeculate(FnArity arity)
    {
        if (arity.Params.IsEmpty || !Repeats(arity.Body))
        {
            return null;
        }

        var paramKinds = new ValueKind[arity.Params.Length];
        paramKinds.AsSpan().Fill(ValueKind.Long);
        return Check(arity, paramKinds, ValueKind.Long, speculative: true) ?? Check(arity, paramKinds, ValueKind.Bool, speculative: true);
    }

    private static TypedChecker? Check(FnArity arity, ValueKind[] paramKinds, ValueKind returnKind, bool speculative)
    {
        var checker = new TypedChecker(arity) { ReturnKind = returnKind, ParamKinds = paramKinds, Speculative = speculative };
        for (int i = 0; i < paramKinds.Length; i++)
        {
            checker.locals[arity.Params[i]] = BoxedKinds[(int)paramKinds[i]];
        }

        var body = checker.Check(arity.Body);
        return body == returnKind || body == ValueKind.Never ? checker : null;
    }

    private static bool Repeats(Node node) =>
        node is RecurNode or LoopNode or InvokeNode { Fn: LocalRefNode { Access: LocalAccess.Self } }
        || IrChildren.Of(node).Any(Repeats);

    private static ValueKind? KindOf(TypeAnnotation annotation) => annotation.Kind switch
    {
        TypeKind.Integer => ValueKind.Long,
        TypeKind.Float => ValueKind.Double,
        TypeKind.Bool => ValueKind.Bool,
        _ => null,
    };

    private ValueKind? Check(Node node)
    {
        var kind = CheckNode(node);
        if (kind is { } k)
        {
            kinds[node] = BoxedKinds[(int)k];
        }

        return kind;
    }

    private ValueKind? CheckNode(Node node)
    {
        switch (node)
        {
            case ConstNode { Value: long }:
                return ValueKind.Long;
            case ConstNode { Value: double }:
                return ValueKind.Double;
            case ConstNode { Value: bool }:
                return ValueKind.Bool;
            case LocalRefNode { Access: LocalAccess.Slot } l:
                return locals.TryGetValue(l.Binding, out var local) ? (ValueKind)local : null;
            case IfNode i:
                if (Check(i.Test) != ValueKind.Bool)
                {
                    return null;
                }

                return Join(Check(i.Then), Check(i.Else));
            case DoNode d:
                foreach (var statement in d.Statements)
                {
                    if (Check(statement) is null or ValueKind.Never)
                    {
                        return null;
                    }
                }

                return Check(d.Result);
            case LetNode l:
                return Bind(l.Bindings) ? Check(l.Body) : null;
            case LoopNode l:
                return Bind(l.Bindings) ? Check(l.Body) : null;
            case RecurNode r:
                for (int i = 0; i < r.Args.Length; i++)
                {
                    if (!locals.TryGetValue(r.Targets[i], out var target) || Check(r.Args[i]) != (ValueKind)target)
                    {
                        return null;
                    }
                }

                return ValueKind.Never;
            case InvokeNode i:
                return CheckCall(i);
            default:
                return null;
        }
    }

    private bool Bind(System.Collections.Immutable.ImmutableArray<LetBinding> bindings)
    {
        foreach (var b in bindings)
        {
            if (Check(b.Init) is not { } kind || kind == ValueKind.Never)
            {
                return false;
            }

            locals[b.Local] = BoxedKinds[(int)kind];
        }

        return true;
    }

    private static ValueKind? Join(ValueKind? a, ValueKind? b) => (a, b) switch
    {
        (null, _) or (_, null) => null,
        (ValueKind.Never, var other) => other,
        (var other, ValueKind.Never) => other,
        var (x, y) when x == y => x,
        _ => null,
    };

    private ValueKind? CheckCall(InvokeNode call)
    {
        if (call.Fn is LocalRefNode { Access: LocalAccess.Self })
        {
            if (call.Args.Length != arity.Params.Length)
            {
                return null;
            }

            for (int i = 0; i < call.Args.Length; i++)
            {
                if (Check(call.Args[i]) != ParamKinds[i])
                {
                    return null;
                }
            }

            return call.Context == NodeContext.Tail ? ValueKind.Never : ReturnKind;
        }

        if (call.Fn is not GlobalRefNode { Var.Value: Builtin { Op: not PrimitiveOp.None } prim } g)
        {
            return null;
        }

        var operands = new ValueKind?[call.Args.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            operands[i] = Check(call.Args[i]);
        }

        ValueKind? result = (prim.Op, operands) switch
        {
            (PrimitiveOp.Inc or PrimitiveOp.Dec, [ValueKind.Long]) => ValueKind.Long,
            (PrimitiveOp.Add or PrimitiveOp.Subtract or PrimitiveOp.Multiply, [ValueKind.Long, ValueKind.Long]) => ValueKind.Long,
            (PrimitiveOp.Add or PrimitiveOp.Subtract or PrimitiveOp.Multiply, [ValueKind.Double, ValueKind.Double]) => ValueKind.Double,
            (PrimitiveOp.Less or PrimitiveOp.Greater or PrimitiveOp.LessOrEqual or PrimitiveOp.GreaterOrEqual or PrimitiveOp.NumEquals or PrimitiveOp.Equals, [ValueKind.Long, ValueKind.Long]) => ValueKind.Bool,
            (PrimitiveOp.Less or PrimitiveOp.Greater or PrimitiveOp.LessOrEqual or PrimitiveOp.GreaterOrEqual, [ValueKind.Double, ValueKind.Double]) => ValueKind.Bool,
            _ => null,
        };
        if (result is not null && !HasGuard(g.Var, prim))
        {
            Guards.Add((g.Var, prim));
        }

        return result;
    }

    // A loop rather than List.Contains, whose code over a tuple of references is not precompiled
    // (four methods JIT-compiled at the start of every il run that compiled a typed fn).
    private bool HasGuard(Var global, Builtin primitive)
    {
        foreach (var (g, p) in Guards)
        {
            if (ReferenceEquals(g, global) && ReferenceEquals(p, primitive))
            {
                return true;
            }
        }

        return false;
    }
}
