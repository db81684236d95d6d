using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime.Core;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// The runtime contract compiled code calls (docs/design/runtime-api.md). The interpreter's
/// nodes call these same functions, so a compiled function and an interpreted one agree on
/// calls, tail calls, globals, errors, stack traces and limits by construction. Per-evaluation
/// state (depth, pending tail call, cancellation) lives in the <see cref="RunContext"/> passed in;
/// nothing here is static state.
/// </summary>
public static class RuntimeApi
{
    private static readonly Keyword MacroKey = Keyword.Of("macro");

    /// <summary>Calls any callable value with any number of arguments: functions, and keywords, maps, sets and vectors as lookups.</summary>
    public static object? Call(RunContext ctx, object? fn, object?[] args) => Callables.Call(ctx, fn, args);

    public static object? Call0(RunContext ctx, object? fn) =>
        fn is ZFunction z ? z.Invoke0(ctx) : Callables.Call(ctx, fn, []);

    public static object? Call1(RunContext ctx, object? fn, object? a) => Callables.Call(ctx, fn, a);

    public static object? Call2(RunContext ctx, object? fn, object? a, object? b) => Callables.Call(ctx, fn, a, b);

    public static object? Call3(RunContext ctx, object? fn, object? a, object? b, object? c) =>
        fn is ZFunction z ? z.Invoke3(ctx, a, b, c) : Callables.Call(ctx, fn, [a, b, c]);

    /// <summary>
    /// A call in tail position. A Zylisp function is not called: the call is recorded in the
    /// context and <see cref="RunContext.TailCallMarker"/> is returned, for the nearest non-tail
    /// call to run (a trampoline), so chains of tail calls need no stack whichever engine made
    /// each function. Host primitives and lookups never recurse, so they are called at once.
    /// </summary>
    public static object? TailCall(RunContext ctx, object? fn, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (fn is ZFunction z and not Builtin)
        {
            // Checked here, not when the trampoline runs it: by then the call site has returned,
            // and a wrong-arity error would point at some outer caller, or nowhere (issue 14).
            if (!z.AcceptsArgumentCount(args.Length))
            {
                throw RuntimeErrors.Arity(z.Name, args.Length);
            }

            ctx.TailFn = z;
            ctx.TailArgs = args;
            return RunContext.TailCallMarker;
        }

        return Callables.Call(ctx, fn, args);
    }

    /// <summary>The value of a global; an unbound one raises the undefined-symbol error (with a suggestion) located at <paramref name="span"/>.</summary>
    public static object? ReadGlobal(RunContext ctx, Var global, SourceSpan? span)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(global);
        var value = global.Value;
        return ReferenceEquals(value, Var.Unbound)
            ? throw RuntimeErrors.Undefined(global.Name, Suggestions.DidYouMean(global.Name, ctx.Globals.DefinedNames), span)
            : value;
    }

    /// <summary>
    /// Defines or redefines a global: callers that hold the Var see the new value at their next
    /// call. With <paramref name="hasValue"/> false (<c>(def name)</c>) an unbound global becomes nil
    /// and a bound one keeps its value. Returns the global's value, which is what <c>def</c> evaluates to.
    /// </summary>
    public static object? Define(Var global, bool hasValue, object? value, PersistentMap meta)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(meta);
        if (hasValue)
        {
            global.Value = value;
        }
        else if (!global.IsDefined)
        {
            global.Value = null;
        }

        global.Meta = meta;
        global.IsMacro = meta.Get(MacroKey) is true;
        return global.Value;
    }

    /// <summary>Truth under the compilation unit's rule (Clojure: nil and false are false; SLisp adds 0, "" and empty collections).</summary>
    public static bool IsTrue(object? value, Truthiness rule) => Truth.Of(value, rule);

    /// <summary>What (doc name) prints for <paramref name="name"/> in this run's environment, or null (a native session embeds it).</summary>
    public static string? Documentation(RunContext ctx, string name) => ctx.Host.Doc(name);

    /// <summary>A vector, map (keys and values alternating) or set of the given values.</summary>
    public static object MakeCollection(CollectionKind kind, object?[] values) => kind switch
    {
        CollectionKind.Vector => PersistentVector.Create(values),
        CollectionKind.Set => PersistentSet.Create(values),
        _ => PersistentMap.Create(values),
    };

    /// <summary>
    /// The exception that <c>(throw value)</c> raises from <paramref name="caller"/> at <paramref name="span"/>.
    /// An error value without a location gets this one; one that was caught before keeps its original trace.
    /// </summary>
    public static ZylispException Throw(object? value, string caller, SourceSpan? span)
    {
        if (value is ErrorValue { Span: null } error)
        {
            error.Span = span;
        }

        var e = new ZylispException(value);
        if (value is ErrorValue { CaughtFrom: { } earlier })
        {
            e.ContinueFrom(earlier);
        }

        e.AddFrame(caller, span);
        return e;
    }

    /// <summary>Whether a <c>catch</c> takes this exception: every error, never an interrupt.</summary>
    public static bool IsCatchable(Exception e) => e is not OperationCanceledException;

    /// <summary>
    /// What a <c>catch</c> binds for an exception it took: the thrown value, or a host failure
    /// turned into a Zylisp error located at <paramref name="span"/>. Restores the call depth the
    /// try started at (saved from <see cref="RunContext.Depth"/>) and drops any pending tail call.
    /// </summary>
    public static object? Caught(RunContext ctx, Exception e, int depthAtTry, SourceSpan? span)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.RestoreDepth(depthAtTry);
        ctx.TailFn = null;
        ctx.TailArgs = null;
        var caught = HostErrors.ToZylisp(e, span);
        if (caught.Value is ErrorValue error)
        {
            error.CaughtFrom = caught;
        }

        return caught.Value;
    }

    /// <summary>
    /// Records a call site in the Zylisp stack trace of an error passing through it, and locates
    /// an error raised without a location at this call. Returns false, to be used as an exception
    /// filter (<c>catch (Exception e) when (RuntimeApi.AddCallSite(e, …))</c>), so the call's
    /// normal path pays nothing.
    /// </summary>
    public static bool AddCallSite(Exception e, string caller, SourceSpan? span)
    {
        if (e is ZylispException z)
        {
            // An error is located at its innermost call site, but not inside the prelude when a
            // program's own call led there: `(let [[a] 5] …)` failing in the prelude's nth is the
            // program's error, reported at its line (the trace still shows the prelude frames).
            if (z.Value is ErrorValue error && (error.Span is null || (InPrelude(error.Span) && !InPrelude(span))))
            {
                if (error.Span is not null)
                {
                    BlameCalledFunction(error, z.Trace);
                }

                error.Span = span;
            }

            z.AddFrame(caller, span);
        }

        return false;
    }

    /// <summary>True for a host exception that escaped a primitive (not a Zylisp error, not an interrupt).</summary>
    public static bool IsHostFailure(Exception e) => e is not ZylispException and not OperationCanceledException;

    /// <summary>A host exception that escaped a primitive, as the Zylisp error a catch sees, with this call site in its trace.</summary>
    public static ZylispException FromHostFailure(Exception e, string caller, SourceSpan? span)
    {
        var z = HostErrors.ToZylisp(e, span);
        z.AddFrame(caller, span);
        return z;
    }

    /// <summary>Checks a deffunc annotation; a mismatch raises the interpreter's type error naming the function and what was checked.</summary>
    public static void CheckAnnotation(string function, string what, TypeAnnotation annotation, object? value)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (!TypeChecks.Matches(value, annotation.Kind))
        {
            throw RuntimeErrors.Annotation(function, what, annotation.Name, value);
        }
    }

    private static bool InPrelude(SourceSpan? span) => span?.File == Prelude.PreludeSource.FileName;

    /// <summary>
    /// A prelude function failing in a core function it calls by name, (zero? "a") failing in `==`,
    /// names the function the program called: "`zero?` expects a number" (issue 14). The trace so
    /// far is all prelude frames; the innermost call site must spell the failing function's name,
    /// so a function the program passed in, (update m :k inc) failing in `inc`, keeps its own name.
    /// </summary>
    private static void BlameCalledFunction(ErrorValue error, IReadOnlyList<Diagnostics.ZylispStackFrame> trace)
    {
        // The outermost prelude frame must be a named function: a lazy seq's body realized later
        // (by prn, say) runs in an anonymous fn, and "`fn` expects a collection" would name nothing.
        if (error.DiagnosticId != Diagnostics.DiagnosticIds.WrongType || error.Args is not [string failed, ..] || trace.Count == 0
            || trace[0].Span is not { } site || !InPrelude(site) || trace[^1].FunctionName == failed || trace[^1].FunctionName == "fn")
        {
            return;
        }

        string text = Prelude.PreludeSource.Text;
        int head = site.StartOffset + 1;
        if (site.StartOffset < text.Length && text[site.StartOffset] == '(' && head + failed.Length <= text.Length
            && string.CompareOrdinal(text, head, failed, 0, failed.Length) == 0
            && (head + failed.Length == text.Length || text[head + failed.Length] is ' ' or ')' or '\n'))
        {
            error.BlameFunction(trace[^1].FunctionName);
        }
    }
}
