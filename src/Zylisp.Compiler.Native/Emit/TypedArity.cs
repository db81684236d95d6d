using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>How a typed body holds a value in a register or frame slot (docs/design/native-typed.md).</summary>
internal enum RawKind
{
    /// <summary>A raw two's-complement int64 (an `integer`).</summary>
    Long,

    /// <summary>The IEEE 754 bits of a `float`, in a general register (moved to xmm for arithmetic).</summary>
    Double,

    /// <summary>0 or 1 (a `bool`).</summary>
    Bool,

    /// <summary>An ordinary tagged value word (low-level subset only: strings and other objects passed through).</summary>
    Value,
}

/// <summary>The raw calling signature of a typed function: raw arguments in rdi, rsi..., the raw result in rax.</summary>
/// <remarks>An array, not an ImmutableArray of the enum: that instantiation is JIT-compiled in every build (not ReadyToRun).</remarks>
internal sealed record TypedSignature(RawKind[] Params, RawKind Return)
{
    /// <summary>The signature a deffunc's annotations give, or null when some annotation has no raw kind.</summary>
    public static TypedSignature? Of(LFunction function, bool lowLevel)
    {
        if (function.Arities.Length != 1 || function.Arities[0] is not { Rest: null } arity || !function.Captures.IsEmpty
            || arity.Params.Length > 6 || arity.ReturnType is not { } returnType || KindOf(returnType, lowLevel) is not { } returnKind
            || arity.ParamTypes.IsDefault || arity.ParamTypes.Length != arity.Params.Length)
        {
            return null;
        }

        var kinds = new RawKind[arity.Params.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            if (arity.ParamTypes[i] is not { } type || KindOf(type, lowLevel) is not { } kind)
            {
                return null;
            }

            kinds[i] = kind;
        }

        return new TypedSignature(kinds, returnKind);
    }

    /// <summary>integer, float and bool run raw; string and any only in the low-level subset, as tagged words.</summary>
    private static RawKind? KindOf(TypeAnnotation type, bool lowLevel) => type.Kind switch
    {
        TypeKind.Integer => RawKind.Long,
        TypeKind.Float => RawKind.Double,
        TypeKind.Bool => RawKind.Bool,
        TypeKind.String or TypeKind.Any when lowLevel => RawKind.Value,
        _ => null,
    };
}

/// <summary>
/// Decides whether a typed function's one arity runs unboxed, and the raw kind of every local and
/// expression in it. The typed subset is what numeric code needs: typed parameters, let/loop
/// locals and temporaries of one kind each, number and bool constants, the core arithmetic and
/// comparison primitives on numbers, if, loop/recur, and calls of the function itself or of other
/// typed functions with matching kinds; library code also gets the low-level primitives
/// (<see cref="LowLevelOps"/>). Anything else (a collection, a closure, try, a call of an untyped
/// function…) makes the function ineligible and it runs boxed, as before, with its checks.
/// </summary>
internal sealed class TypedArity
{
    private readonly Dictionary<LocalBinding, RawKind> locals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LExpr, RawKind> kinds = new(ReferenceEqualityComparer.Instance);
    private readonly Func<GlobalOperand, Primitive?> primitiveFor;
    private readonly Func<string, TypedSignature?> typedGlobal;
    private readonly bool lowLevel;

    private TypedArity(LArity arity, TypedSignature signature, Func<GlobalOperand, Primitive?> primitiveFor, Func<string, TypedSignature?> typedGlobal, bool lowLevel)
    {
        Arity = arity;
        Signature = signature;
        this.primitiveFor = primitiveFor;
        this.typedGlobal = typedGlobal;
        this.lowLevel = lowLevel;
    }

    public LArity Arity { get; }

    public TypedSignature Signature { get; }

    /// <summary>True for the runtime library's own code, which may use the low-level primitives.</summary>
    public bool LowLevel => lowLevel;

    public RawKind KindOf(LocalBinding local) => locals[local];

    public RawKind KindOf(LExpr expr) => kinds[expr];

    /// <summary>
    /// The checked arity, or null when the function must run boxed. <paramref name="typedGlobal"/>
    /// gives the signature of a global that is a typed function (calls to it are direct);
    /// <paramref name="lowLevel"/> is true for the runtime library's own code.
    /// </summary>
    public static TypedArity? TryCheck(LFunction function, Func<GlobalOperand, Primitive?> primitiveFor, Func<string, TypedSignature?> typedGlobal, bool lowLevel)
    {
        if (TypedSignature.Of(function, lowLevel) is not { } signature)
        {
            return null;
        }

        var arity = function.Arities[0];
        var checker = new TypedArity(arity, signature, primitiveFor, typedGlobal, lowLevel);
        for (var i = 0; i < arity.Params.Length; i++)
        {
            checker.locals[arity.Params[i]] = signature.Params[i];
        }

        return checker.CheckBlock(arity.Body) ? checker : null;
    }

    private bool CheckBlock(ImmutableArray<LStmt> statements)
    {
        foreach (var statement in statements)
        {
            if (!CheckStatement(statement))
            {
                return false;
            }
        }

        return true;
    }

    private bool CheckStatement(LStmt statement)
    {
        switch (statement)
        {
            case ExprStmt e:
                return Check(e.Value) is not null;
            case AssignStmt a:
                NoteConstant(a);
                return Check(a.Value) is { } kind && Bind(a.Target, kind);
            case ReturnStmt r:
                return Check(r.Value) == Signature.Return;
            case TailCallStmt t:
                return Check(t.Call) == Signature.Return;
            case IfStmt { Test: ConstOperand { Value: not bool } test, Truthiness: Truthiness.Clojure } i:
                // (cond ... :else x): a constant test decides the branch when the code is compiled.
                return CheckBlock(IsTruthy(test.Value) ? i.Then : i.Else);
            case IfStmt i:
                return Check(i.Test) == RawKind.Bool && CheckBlock(i.Then) && CheckBlock(i.Else);
            case LoopStmt l:
                return l.Bindings.All(locals.ContainsKey) && CheckBlock(l.Body);
            case RecurStmt r:
                for (var i = 0; i < r.Args.Length; i++)
                {
                    // A loop variable recurred is assigned again: neither a constant nor a cell.
                    reassigned.Add(r.Targets[i]);
                    if (!locals.TryGetValue(r.Targets[i], out var target) || Check(r.Args[i]) != target)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Locals assigned exactly once, from a (%layout :name) constant: the typed body uses the value
    /// as an immediate and never stores them.
    /// </summary>
    public bool TryConstant(LocalBinding local, out long value) =>
        constants.TryGetValue(local, out value) && !reassigned.Contains(local);

    /// <summary>
    /// Locals assigned exactly once, from a (%cell :name) address: the typed body computes the
    /// address where it is used (r15 plus an offset) and never stores them.
    /// </summary>
    public bool TryCell(LocalBinding local, out CallExpr cell) =>
        cells.TryGetValue(local, out cell!) && !reassigned.Contains(local);

    /// <summary>A constant or a cell address: known where it is used, so never stored and never in a register.</summary>
    public bool IsFixed(LocalBinding local) => TryConstant(local, out _) || TryCell(local, out _);

    private readonly Dictionary<LocalBinding, long> constants = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LocalBinding, CallExpr> cells = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<LocalBinding> reassigned = new(ReferenceEqualityComparer.Instance);

    private void NoteConstant(AssignStmt assign)
    {
        if (constants.ContainsKey(assign.Target) || cells.ContainsKey(assign.Target) || locals.ContainsKey(assign.Target))
        {
            reassigned.Add(assign.Target);
        }
        else if (lowLevel && assign.Value is CallExpr { Fn: GlobalOperand { Var.Name: "%layout" } } layout
            && layout.Args is [ConstOperand key] && LowLevelOps.Layout(key.Value) is { } value)
        {
            constants[assign.Target] = value;
        }
        else if (lowLevel && assign.Value is CallExpr { Fn: GlobalOperand { Var.Name: "%cell" }, Args: [ConstOperand] } cell)
        {
            cells[assign.Target] = cell;
        }
    }

    /// <summary>Clojure truthiness of a constant (SLisp's differs only for values a typed test never holds).</summary>
    public static bool IsTruthy(object? value) => value is not (null or false);

    private bool Bind(LocalBinding target, RawKind kind)
    {
        if (locals.TryGetValue(target, out var existing))
        {
            return existing == kind;
        }

        locals[target] = kind;
        return true;
    }

    private RawKind? Check(LExpr expr)
    {
        var kind = CheckExpr(expr);
        if (kind is { } k)
        {
            kinds[expr] = k;
        }

        return kind;
    }

    private RawKind? CheckExpr(LExpr expr)
    {
        switch (expr)
        {
            case ConstOperand { Value: long }:
                return RawKind.Long;
            case ConstOperand { Value: double }:
                return RawKind.Double;
            case ConstOperand { Value: bool }:
                return RawKind.Bool;
            case ConstOperand { Value: null or string or Zylisp.Lang.Data.Keyword or Zylisp.Lang.Data.PersistentList { Count: 0 } } when lowLevel:
                return RawKind.Value;
            case LocalOperand { Access: LocalAccess.Slot } local:
                return locals.TryGetValue(local.Binding, out var kind) ? kind : null;
            case CallExpr call:
                return CheckCall(call);
            default:
                return null;
        }
    }

    private RawKind? CheckCall(CallExpr call)
    {
        if (call.Fn is LocalOperand { Access: LocalAccess.Self })
        {
            return ArgumentsFit(call, Signature) ? Signature.Return : null;
        }

        if (call.Fn is not GlobalOperand global)
        {
            return null;
        }

        if (typedGlobal(NativeLibrary.GlobalName(global.Var.Name)) is { } callee)
        {
            return ArgumentsFit(call, callee) ? callee.Return : null;
        }

        var operands = new RawKind?[call.Args.Length];
        for (var i = 0; i < operands.Length; i++)
        {
            operands[i] = Check(call.Args[i]);
            if (operands[i] is null)
            {
                return null;
            }
        }

        // A loop, not LINQ: LINQ over a value type is JIT-compiled in every build (not ReadyToRun).
        var kinds = new RawKind[operands.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = operands[i]!.Value;
        }

        if (lowLevel && LowLevelOps.ResultKind(global.Var.Name, kinds) is { } lowLevelResult)
        {
            if (global.Var.Name == "%layout")
            {
                LowLevelOps.LayoutOf(call);
            }
            else if (global.Var.Name == "%routine")
            {
                LowLevelOps.RoutineOf(call);
            }

            return lowLevelResult;
        }

        return primitiveFor(global) is { } primitive ? TypedOps.ResultKind(primitive.Name, kinds) : null;
    }

    private bool ArgumentsFit(CallExpr call, TypedSignature callee)
    {
        if (call.Args.Length != callee.Params.Length)
        {
            return false;
        }

        for (var i = 0; i < call.Args.Length; i++)
        {
            if (Check(call.Args[i]) != callee.Params[i])
            {
                return false;
            }
        }

        return true;
    }
}
