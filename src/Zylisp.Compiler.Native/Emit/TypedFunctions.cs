using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Which functions of a program run unboxed (<see cref="TypedArity"/>), and which globals name a
/// typed function that other typed code may call directly, with raw arguments. A global qualifies
/// when exactly one def in the whole program sets it, to a typed fn, and no code takes its var
/// (#'f, binding): then a call through the global always reaches that function once the def has
/// run, and the direct call checks only that it has (an unbound global is still the interpreter's
/// undefined-symbol error).
/// </summary>
internal sealed class TypedFunctions
{
    private readonly Dictionary<string, LFunction> globals;
    private readonly Dictionary<LFunction, TypedArity?> checkedFunctions = new(ReferenceEqualityComparer.Instance);
    private readonly Func<GlobalOperand, Primitive?> primitiveFor;

    private TypedFunctions(Dictionary<string, LFunction> globals, Func<GlobalOperand, Primitive?> primitiveFor)
    {
        this.globals = globals;
        this.primitiveFor = primitiveFor;
    }

    /// <summary>No typed functions at all: every function runs boxed.</summary>
    public static TypedFunctions None { get; } = new([], _ => null) { disabled = true };

    private bool disabled;

    /// <summary>
    /// The typed functions of a whole program. With <paramref name="libraryOnly"/> (an incremental
    /// session, where a later chunk may redefine any global) only the runtime library's globals are
    /// called directly; every typed function still gets its raw body and direct self calls.
    /// </summary>
    public static TypedFunctions Find(IReadOnlyList<LTopLevel> forms, Func<GlobalOperand, Primitive?> primitiveFor, bool libraryOnly = false)
    {
        var defs = new Dictionary<string, int>(StringComparer.Ordinal);
        var varsTaken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            DefinitionFinder.Collect(form.Body, def =>
                defs[NativeLibrary.GlobalName(def.Var.Name)] = defs.GetValueOrDefault(NativeLibrary.GlobalName(def.Var.Name)) + 1);
            VarConstants(form.Body, varsTaken);
        }

        var candidates = new Dictionary<string, LFunction>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            var functionTemps = new Dictionary<LocalBinding, LFunction>(ReferenceEqualityComparer.Instance);
            foreach (var statement in form.Body)
            {
                if (statement is AssignStmt { Value: FnExpr fn } assign)
                {
                    functionTemps[assign.Target] = fn.Function;
                }
                else if (((statement as ReturnStmt)?.Value ?? (statement as ExprStmt)?.Value) is DefExpr { Init: LocalOperand local } def
                    && functionTemps.TryGetValue(local.Binding, out var function))
                {
                    var name = NativeLibrary.GlobalName(def.Var.Name);
                    if (defs.GetValueOrDefault(name) == 1 && !varsTaken.Contains(name) && TypedSignature.Of(function, IsLowLevel(function)) is not null
                        && (!libraryOnly || IsLowLevel(function)))
                    {
                        candidates[name] = function;
                    }
                }
            }
        }

        var typed = new TypedFunctions(candidates, primitiveFor);
        // A candidate whose body is not typed has no raw entry: drop it and check the rest again,
        // since their direct calls to it no longer hold.
        var changed = true;
        while (changed)
        {
            changed = false;
            typed.checkedFunctions.Clear();
            // A copy of the names, not candidates.ToList(): LINQ over key-value pairs (a value type)
            // is JIT-compiled in every build.
            foreach (var name in new List<string>(candidates.Keys))
            {
                if (typed.For(candidates[name]) is null)
                {
                    candidates.Remove(name);
                    changed = true;
                }
            }
        }

        typed.checkedFunctions.Clear();
        return typed;
    }

    /// <summary>The typed function a global always holds once defined, or null.</summary>
    public LFunction? GlobalFunction(string name) => globals.GetValueOrDefault(name);

    /// <summary>The raw signature of a global that is a typed function, or null.</summary>
    public TypedSignature? Global(string name) =>
        globals.TryGetValue(name, out var function) ? TypedSignature.Of(function, IsLowLevel(function)) : null;

    /// <summary>The typed arity of a function, or null when it runs boxed.</summary>
    public TypedArity? For(LFunction function)
    {
        if (disabled)
        {
            return null;
        }

        if (!checkedFunctions.TryGetValue(function, out var result))
        {
            result = TypedArity.TryCheck(function, primitiveFor, Global, IsLowLevel(function));
            checkedFunctions[function] = result;
        }

        return result;
    }

    private readonly Dictionary<LFunction, bool> inlinable = new(ReferenceEqualityComparer.Instance);

    /// <summary>The most lowered statements (nested blocks counted) a function may have to be inlined.</summary>
    public const int InlineStatementLimit = 40;

    /// <summary>
    /// The most copies inlining may make of a function (<see cref="CallSites"/>). One: with the
    /// mark and the collection routines in typed code too, two copies (which let the allocator's
    /// split be copied into both of its searches, ~2.6% fewer churn instructions) grew hello world
    /// to 17,016 bytes, past its 16 KiB (docs/benchmarks.md, "Typed code in registers").
    /// </summary>
    public const int InlineCopyLimit = 1;

    private Dictionary<LFunction, int>? callSites;

    /// <summary>
    /// True when a typed library function may be compiled into its typed library callers instead of
    /// called (docs/design/native-typed.md, "Code shape"): typed, at most <see cref="InlineStatementLimit"/>
    /// statements, copied at most <see cref="InlineCopyLimit"/> times, and unable to reach itself
    /// through calls, so inlining always ends and needs no context. Programs' functions are never inlined: their stack guard names them in the
    /// stack-overflow error.
    /// </summary>
    public bool IsInlinable(LFunction function)
    {
        if (!inlinable.TryGetValue(function, out var result))
        {
            result = IsLowLevel(function) && For(function) is { } typed && !ReachesItself(function)
                && StatementCount(typed.Arity.Body) <= InlineStatementLimit && CallSites(function) <= InlineCopyLimit;
            inlinable[function] = result;
        }

        return result;
    }

    /// <summary>
    /// True when a typed library body may have functions inlined into it: a global that cannot reach
    /// itself through calls. A recursive one (the printer's %render and %pr-open) keeps its frame
    /// small, since its depth is the nesting of what it walks.
    /// </summary>
    public bool InlinesInto(LArity arity)
    {
        foreach (var function in globals.Values)
        {
            if (function.Arities.Length == 1 && ReferenceEquals(function.Arities[0], arity))
            {
                return IsLowLevel(function) && !ReachesItself(function);
            }
        }

        return false;
    }

    /// <summary>
    /// How many copies inlining would make of a function: one per call whose value is used, and one
    /// per caller for all of that caller's tail calls of it (they share a copy).
    /// </summary>
    private int CallSites(LFunction function)
    {
        if (callSites is null)
        {
            callSites = new Dictionary<LFunction, int>(ReferenceEqualityComparer.Instance);
            foreach (var caller in globals.Values)
            {
                var tailCalled = new HashSet<LFunction>(ReferenceEqualityComparer.Instance);
                void Walk(ImmutableArray<LStmt> statements)
                {
                    foreach (var statement in statements)
                    {
                        if (LoweredChildren.Expression(statement) is CallExpr { Fn: GlobalOperand global }
                            && GlobalFunction(NativeLibrary.GlobalName(global.Var.Name)) is { } callee
                            && (statement is not (TailCallStmt or ReturnStmt) || tailCalled.Add(callee)))
                        {
                            callSites[callee] = callSites.GetValueOrDefault(callee) + 1;
                        }

                        foreach (var block in LoweredChildren.Blocks(statement))
                        {
                            Walk(block);
                        }
                    }
                }

                foreach (var arity in caller.Arities)
                {
                    Walk(arity.Body);
                }
            }
        }

        return callSites.GetValueOrDefault(function);
    }

    private static int StatementCount(ImmutableArray<LStmt> statements)
    {
        var count = 0;
        foreach (var statement in statements)
        {
            count++;
            foreach (var block in LoweredChildren.Blocks(statement))
            {
                count += StatementCount(block);
            }
        }

        return count;
    }

    private bool ReachesItself(LFunction function)
    {
        var seen = new HashSet<LFunction>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<LFunction>();
        pending.Push(function);
        while (pending.TryPop(out var next))
        {
            foreach (var callee in DirectCallees(next))
            {
                if (ReferenceEquals(callee, function))
                {
                    return true;
                }

                if (seen.Add(callee))
                {
                    pending.Push(callee);
                }
            }
        }

        return false;
    }

    /// <summary>The function itself (a self call) and the typed globals its body calls.</summary>
    private List<LFunction> DirectCallees(LFunction function)
    {
        var found = new List<LFunction>();
        void Walk(ImmutableArray<LStmt> statements)
        {
            foreach (var statement in statements)
            {
                if (LoweredChildren.Expression(statement) is CallExpr call)
                {
                    if (call.Fn is LocalOperand { Access: LocalAccess.Self })
                    {
                        found.Add(function);
                    }
                    else if (call.Fn is GlobalOperand global && GlobalFunction(NativeLibrary.GlobalName(global.Var.Name)) is { } callee)
                    {
                        found.Add(callee);
                    }
                }

                foreach (var block in LoweredChildren.Blocks(statement))
                {
                    Walk(block);
                }
            }
        }

        foreach (var arity in function.Arities)
        {
            Walk(arity.Body);
        }

        return found;
    }

    /// <summary>The runtime library's own functions may use the low-level subset.</summary>
    public static bool IsLowLevel(LFunction function) => function.Span?.File == NativeLibrary.FileName;

    private static void VarConstants(ImmutableArray<LStmt> statements, HashSet<string> into)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ExprStmt e:
                    VarConstants(e.Value, into);
                    break;
                case AssignStmt a:
                    VarConstants(a.Value, into);
                    break;
                case ReturnStmt r:
                    VarConstants(r.Value, into);
                    break;
                case TailCallStmt t:
                    VarConstants(t.Call, into);
                    break;
                case IfStmt i:
                    VarConstants(i.Test, into);
                    VarConstants(i.Then, into);
                    VarConstants(i.Else, into);
                    break;
                case LoopStmt l:
                    VarConstants(l.Body, into);
                    break;
                case RecurStmt r:
                    foreach (var arg in r.Args)
                    {
                        VarConstants(arg, into);
                    }

                    break;
                case TryStmt t:
                    VarConstants(t.Body, into);
                    VarConstants(t.Handler ?? [], into);
                    VarConstants(t.Finally ?? [], into);
                    break;
                case ThrowStmt t:
                    VarConstants(t.Value, into);
                    break;
            }
        }
    }

    private static void VarConstants(LExpr expr, HashSet<string> into)
    {
        switch (expr)
        {
            case ConstOperand { Value: Var v }:
                into.Add(NativeLibrary.GlobalName(v.Name));
                break;
            case CallExpr c:
                VarConstants(c.Fn, into);
                foreach (var arg in c.Args)
                {
                    VarConstants(arg, into);
                }

                break;
            case CollectionExpr c:
                foreach (var item in c.Items)
                {
                    VarConstants(item, into);
                }

                break;
            case DefExpr { Init: { } init }:
                VarConstants(init, into);
                break;
            case FnExpr f:
                foreach (var arity in f.Function.Arities)
                {
                    VarConstants(arity.Body, into);
                }

                break;
        }
    }
}
