using System.Runtime.CompilerServices;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Namespaces;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Expansion;

/// <summary>An expansion error; expansion of the current top-level form stops at the first one.</summary>
internal sealed class ExpansionException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; internal set; } = diagnostic;
}

/// <summary>
/// The macro expander: surface forms in, core forms out (docs/design/core-forms.md). It runs
/// macros (global functions marked :macro) with the unevaluated argument forms, handles
/// defmacro and syntax-quote itself, normalizes let/loop bindings and fn arities, and walks
/// into every core form so no macro call survives. Locally bound names shadow macros.
/// </summary>
internal sealed class Expander(GlobalEnvironment globals, RuntimeLimits limits, IDefinitionLoader definitions, NamespaceScope namespaces)
{
    private static readonly Keyword MacroKey = Keyword.Of("macro");
    private static readonly Keyword DocKey = Keyword.Of("doc");
    private static readonly Keyword ArglistsKey = Keyword.Of("arglists");

    private int expansions;

    // New nodes macros and syntax-quote have produced for the current top-level form (see ExpansionSize).
    private int producedNodes;

    // How many macro functions are running right now; an eval inside one (a nested top-level
    // expansion) shares the enclosing form's budgets instead of resetting them.
    private int macrosRunning;

    // How deep Expand is in the form it is expanding, and where that top-level form is (deep
    // macro output rarely has spans of its own).
    private int depth;
    private SourceSpan? topLevelSpan;

    // Fresh names for code the expander writes (patterns, catch clauses), from the engine's gensym counter.
    private readonly Func<string, Symbol> fresh = FreshNames(globals);
    private readonly Destructuring destructuring = new(FreshNames(globals));

    // .NET interop syntax and this engine's imports (docs/design/dotnet-interop.md).
    private readonly HostInterop hostInterop = new();

    /// <summary>Fully expands one top-level form. The expansion budget is per top-level form.</summary>
    public object? ExpandTopLevel(object? form, RunContext ctx)
    {
        ResetBudgets();
        var enclosing = topLevelSpan; // a macro may eval another top-level form while this one expands
        topLevelSpan = (form as IHasSpan)?.Span ?? topLevelSpan;
        try
        {
            return Expand(form, LexicalScope<bool>.Empty, ctx);
        }
        finally
        {
            topLevelSpan = enclosing;
        }
    }

    /// <summary>Expands only the outermost macro call, repeatedly (or once), as macroexpand does.</summary>
    public object? ExpandOuter(object? form, RunContext ctx, bool once = false)
    {
        ResetBudgets();
        var enclosing = topLevelSpan;
        topLevelSpan = (form as IHasSpan)?.Span ?? topLevelSpan;
        try
        {
            while (TryMacro(form, LexicalScope<bool>.Empty, out var macro))
            {
                form = Invoke(macro, (PersistentList)form!, ctx);
                if (once)
                {
                    break;
                }
            }

            return form;
        }
        finally
        {
            topLevelSpan = enclosing;
        }
    }

    private void ResetBudgets()
    {
        if (macrosRunning == 0)
        {
            expansions = 0;
            producedNodes = 0;
        }
    }

    private object? Expand(object? form, LexicalScope<bool> locals, RunContext ctx)
    {
        if (form is not (PersistentList or PersistentVector or PersistentSet or PersistentMap))
        {
            return form is Symbol symbol && symbol.Name.Contains('.') || form is Symbol { Namespace: not null }
                ? hostInterop.TryRewriteSymbol((Symbol)form) ?? form
                : form;
        }

        ctx.Cancellation.ThrowIfCancellationRequested();

        // Depth, not just the host stack: what passes the expander must also fit the analyzer,
        // the builder and evaluation, which recurse over the same nesting.
        if (depth >= limits.MaxFormDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ExpansionException(Diagnostic.Create(DiagnosticIds.FormTooDeep, (form as IHasSpan)?.Span ?? topLevelSpan, limits.MaxFormDepth));
        }

        depth++;
        try
        {
            return ExpandCollection(form, locals, ctx);
        }
        finally
        {
            depth--;
        }
    }

    private object? ExpandCollection(object? form, LexicalScope<bool> locals, RunContext ctx)
    {
        switch (form)
        {
            case PersistentList { Count: > 0 } list:
                return ExpandList(list, locals, ctx);
            case PersistentVector v:
                return PersistentVector.CreateRange(v.Select(x => Expand(x, locals, ctx)).ToList()).WithSpan(v.Span);
            case PersistentSet s:
                return PersistentSet.CreateRange(s.Select(x => Expand(x, locals, ctx)).ToList()).WithSpan(s.Span);
            case PersistentMap m:
                return ExpandMap(m, locals, ctx);
            default:
                return form;
        }
    }

    // A loop, not LINQ over KeyValuePair (a value-type instantiation JIT-compiled on first use).
    private PersistentMap ExpandMap(PersistentMap map, LexicalScope<bool> locals, RunContext ctx)
    {
        var entries = new List<KeyValuePair<object?, object?>>(map.Count);
        foreach (var e in map.Entries)
        {
            entries.Add(new KeyValuePair<object?, object?>(Expand(e.Key, locals, ctx), Expand(e.Value, locals, ctx)));
        }

        return PersistentMap.CreateRange(entries).WithSpan(map.Span);
    }

    private object? ExpandList(PersistentList list, LexicalScope<bool> locals, RunContext ctx)
    {
        if (list.First is Symbol { Namespace: null } head && !locals.Contains(head.Name))
        {
            switch (head.Name)
            {
                case "quote":
                    return list;
                case "syntax-quote" or "quasiquote":
                    if (list.Count != 2)
                    {
                        throw Error(DiagnosticIds.MalformedQuoting, list, head.Name, "expected exactly one form");
                    }

                    return Expand(WithSpan(ExpandSyntaxQuote(list), list.Span), locals, ctx);
                case "unquote" or "unquote-splicing" or "splice-unquote":
                    throw Error(DiagnosticIds.UnquoteOutsideSyntaxQuote, list, head.Name == "unquote" ? "~" : "~@");
                case "defmacro":
                    return Expand(Defmacro(list), locals, ctx);
                case "fn":
                    return ExpandFn(list, locals, ctx);
                case "let" or "loop":
                    return ExpandBindings(list, head.Name, locals, ctx);
                case "try":
                    return ExpandTry(list, locals, ctx);
                case "def":
                    return ExpandDef(list, locals, ctx);
                case "%ns-qualify":
                    return NamespaceQualified(list);
                case "%declare":
                    Declare(list);
                    return null;
            }

        }

        if (TryMacro(list, locals, out var macro))
        {
            return Expand(Invoke(macro, list, ctx), locals, ctx);
        }

        if (hostInterop.TryRewrite(list, locals, IsDefinedGlobal) is { } interop)
        {
            return Expand(interop, locals, ctx);
        }

        return Rebuild(list, list.Select(x => Expand(x, locals, ctx)));
    }

    // (%ns-qualify "Point") or (%ns-qualify :Point): the name qualified by the namespace the form
    // is expanded in, as a literal of the same kind ("app.core.Point", :app.core.Point). Record and
    // protocol macros write it into their output: a macro's own code runs in the prelude, where
    // *ns* is the core's, while its output is expanded where the user wrote the call. The result
    // is a constant, so backends that read record tags (Go's typed structs) still see one.
    private object NamespaceQualified(PersistentList list)
    {
        var qualified = list is { Count: 2, Rest.First: string or Keyword { Namespace: null } }
            ? namespaces.Current.Name + "." + (list.Rest.First is Keyword k ? k.Name : (string)list.Rest.First)
            : throw Error(DiagnosticIds.MalformedNamespaceQualify, list, "expected one string or unqualified keyword");
        return list.Rest.First is Keyword ? Keyword.Of(qualified) : qualified;
    }

    // (%declare f g), what `declare` expands to: the names are this namespace's globals, defined
    // later (a def further down, or an eval), so an unqualified use resolves here and the run does
    // not warn that they were never defined. Like %ns-qualify it needs the expanding namespace.
    private void Declare(PersistentList list)
    {
        var ns = namespaces.Current;
        foreach (var item in list.Rest)
        {
            if (item is not Symbol { Namespace: null } name)
            {
                throw Error(DiagnosticIds.MalformedSpecialForm, list, "declare", "expected unqualified symbols, got " + Printing.Printer.PrStr(item));
            }

            ns.Define(name.Name, isPrivate: false);
            globals.Intern(ns.GlobalNameOf(name.Name)).IsDeclared = true;
        }
    }

    private bool TryMacro(object? form, LexicalScope<bool> locals, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Var? macro)
    {
        macro = null;
        if (form is PersistentList { First: Symbol head }
            && (head.Namespace is not null || !locals.Contains(head.Name))
            && NameResolver.Resolve(namespaces, head.Namespace, head.Name).Global is { } global)
        {
            // The require step for macros: a prelude macro is loaded before it is looked up. A
            // qualifier that names nothing is left for the analyzer to report with its location.
            definitions.Require(global);
            if (globals.Find(global) is { IsMacro: true, Value: ZFunction } v)
            {
                macro = v;
            }
        }

        return macro is not null;
    }

    private object? Invoke(Var macro, PersistentList call, RunContext ctx)
    {
        if (++expansions > limits.MaxMacroExpansions)
        {
            throw Error(DiagnosticIds.MacroExpansionLimit, call, limits.MaxMacroExpansions, macro.Name);
        }

        if (macrosRunning >= limits.MaxMacroNesting)
        {
            // Each level would rethrow the inner failure through the whole host stack: bound the depth, not just the count.
            throw Error(DiagnosticIds.MacroExpansionLimit, call, limits.MaxMacroNesting, macro.Name);
        }

        object? result;
        macrosRunning++;
        try
        {
            result = ((ZFunction)macro.Value!).Invoke(ctx, [.. call.Rest]);
        }
        catch (ZylispException e)
        {
            throw Error(DiagnosticIds.MacroFailed, call, NestedFailure.Args(macro.Name, e));
        }
        catch (InsufficientExecutionStackException)
        {
            throw Error(DiagnosticIds.MacroExpansionLimit, call, limits.MaxMacroExpansions, macro.Name);
        }
        finally
        {
            macrosRunning--;
        }

        try
        {
            result = SeqForms.Realize(result, limits.MaxExpansionSize - producedNodes);
        }
        catch (InvalidOperationException)
        {
            throw Error(DiagnosticIds.ExpansionTooLarge, call, limits.MaxExpansionSize, macro.Name);
        }

        CountProduced(ExpansionSize.NewNodes(result, call, limits.MaxExpansionSize - producedNodes), call, macro.Name);
        return WithSpan(result, call.Span);
    }

    private object? ExpandSyntaxQuote(PersistentList list)
    {
        var quote = new SyntaxQuote(new GlobalEnvironmentGensyms(globals), limits.MaxExpansionSize - producedNodes, list.Span, namespaces.Current);
        var code = quote.Expand(list.Rest.First);
        CountProduced(quote.Built, list, "syntax-quote");
        return code;
    }

    private void CountProduced(int nodes, PersistentList call, string producer)
    {
        producedNodes += nodes;
        if (producedNodes > limits.MaxExpansionSize)
        {
            throw Error(DiagnosticIds.ExpansionTooLarge, call, limits.MaxExpansionSize, producer);
        }
    }

    /// <summary>(defmacro name doc? [params] body*) → (def name {:macro true ...} (fn name ([params] body*))).</summary>
    private PersistentList Defmacro(PersistentList form)
    {
        var rest = form.Rest;
        if (rest.First is not Symbol { Namespace: null } name)
        {
            throw Error(DiagnosticIds.MalformedDefmacro, form, "expected a name");
        }

        rest = rest.Rest;
        var meta = PersistentMap.Empty.Assoc(MacroKey, true);
        if (rest.First is string doc && rest.Count > 1)
        {
            meta = meta.Assoc(DocKey, doc);
            rest = rest.Rest;
        }

        if (rest.First is PersistentMap attributes)
        {
            meta = attributes.Entries.Aggregate(meta, (m, e) => m.Assoc(e.Key, e.Value));
            rest = rest.Rest;
        }

        PersistentList arities = rest.First switch
        {
            PersistentVector => PersistentList.Create((object?)rest),
            var p when IsParameterList(p) => PersistentList.Create((object?)rest),
            PersistentList { First: PersistentVector or PersistentList } => rest,
            _ => throw Error(DiagnosticIds.MalformedDefmacro, form, "expected a parameter vector"),
        };
        if (arities.Any(a => a is not PersistentList { First: var p } || (p is not PersistentVector && !IsParameterList(p))))
        {
            throw Error(DiagnosticIds.MalformedDefmacro, form, "each arity must be ([params] body*)");
        }

        meta = meta.Assoc(ArglistsKey, PersistentList.CreateRange(arities.Select(a => ((PersistentList)a!).First)));
        var fn = PersistentList.Create([Symbol.Of("fn"), name, .. arities]).WithSpan(form.Span);
        // An array, not four arguments: a params span of four is a generic instantiation JIT-compiled at start-up.
        return PersistentList.Create(new object?[] { Symbol.Of("def"), name, meta, fn }).WithSpan(form.Span);
    }

    /// <summary>(fn name? meta? [params] body*) or (fn name? meta? ([params] body*)+) → always the arity-list shape.</summary>
    private PersistentList ExpandFn(PersistentList form, LexicalScope<bool> locals, RunContext ctx)
    {
        var head = new List<object?> { form.First };
        var rest = form.Rest;
        if (rest.First is Symbol name)
        {
            head.Add(name);
            locals = locals.Bind(name.Name, true);
            rest = rest.Rest;
        }

        if (rest.First is PersistentMap meta)
        {
            head.Add(meta);
            rest = rest.Rest;
        }

        var arities = rest.First is PersistentVector || IsParameterList(rest.First) ? [rest] : rest.ToList();
        foreach (var arity in arities)
        {
            if (arity is not PersistentList { First: var first } arityList || AsParameterVector(first) is not { } parameters)
            {
                // Leave the malformed arity for the analyzer, which reports it with its location.
                head.Add(arity);
                continue;
            }

            IEnumerable<object?> body = arityList.Rest;
            if (destructuring.SplitPatterns(parameters) is var (plain, patterns))
            {
                parameters = plain;
                body = [Destructuring.LetAround(patterns, body, arityList.Span)];
            }

            var inner = locals;
            foreach (var parameter in parameters.OfType<Symbol>())
            {
                inner = inner.Bind(parameter.Name, true);
            }

            head.Add(Rebuild(arityList, [parameters, .. body.Select(x => Expand(x, inner, ctx))]));
        }

        return Rebuild(form, head);
    }

    /// <summary>
    /// The seed's spelling of a parameter list, (a b & more) or (): a list of symbols. A list whose
    /// elements are lists or vectors is the multi-arity form.
    /// </summary>
    internal static bool IsParameterList(object? form) =>
        form is PersistentList l && l.All(static p => p is Symbol);

    /// <summary>A parameter vector, or a parameter list turned into one (keeping its span); null otherwise.</summary>
    private static PersistentVector? AsParameterVector(object? form) => form switch
    {
        PersistentVector v => v,
        PersistentList l when IsParameterList(l) => PersistentVector.CreateRange(l.ToList()).WithSpan(l.Span),
        _ => null,
    };

    /// <summary>let/loop: accepts [x 1 y 2], the flat list (x 1 y 2) and Zylisp's ((x 1) (y 2)); emits the vector shape.</summary>
    private PersistentList ExpandBindings(PersistentList form, string name, LexicalScope<bool> locals, RunContext ctx)
    {
        var pairs = new List<(object? Name, object? Init)>();
        switch (form.Rest.First)
        {
            case PersistentVector v when v.Count % 2 == 0:
                for (int i = 0; i < v.Count; i += 2)
                {
                    pairs.Add((v[i], v[i + 1]));
                }

                break;
            case PersistentList l when l.All(b => b is PersistentList { Count: 2 }):
                pairs.AddRange(l.Cast<PersistentList>().Select(b => (b.First, b.Rest.First)));
                break;
            case PersistentList l when l.Count % 2 == 0:
                var flat = l.ToList();
                for (int i = 0; i < flat.Count; i += 2)
                {
                    pairs.Add((flat[i], flat[i + 1]));
                }

                break;
            default:
                throw Error(DiagnosticIds.MalformedBindings, form.Rest.First is IHasSpan { Span: not null } b ? b : form, name, "expected [name value ...], (name value ...) or ((name value) ...)");
        }

        IEnumerable<object?> body = form.Rest.Rest;
        if (name == "loop")
        {
            var names = new List<object?>(pairs.Count);
            foreach (var (bindingName, _) in pairs)
            {
                names.Add(bindingName);
            }

            // As for fn parameters: the loop binds fresh names, a let inside destructures them.
            if (destructuring.SplitPatterns(PersistentVector.CreateRange(names)) is var (plain, patterns))
            {
                for (int i = 0; i < pairs.Count; i++)
                {
                    pairs[i] = (plain[i], pairs[i].Init);
                }

                body = [Destructuring.LetAround(patterns, body, form.Span)];
            }
        }

        // Errors about items with no location of their own point at the binding vector.
        var where = form.Rest.First is IHasSpan { Span: not null } ? form.Rest.First : form;
        var bindings = new List<object?>();
        foreach (var (bindingName, init) in pairs)
        {
            // A pattern flattens into several name/value pairs, each expanded where its names are bound.
            var flat = new List<object?>(2);
            destructuring.Bind(bindingName, init, flat, name, where);
            for (int i = 0; i < flat.Count; i += 2)
            {
                var bound = (Symbol)flat[i]!;
                bindings.Add(bound);
                bindings.Add(Expand(flat[i + 1], locals, ctx));
                locals = locals.Bind(bound.Name, true);
            }
        }

        var vector = PersistentVector.CreateRange(bindings).WithSpan((form.Rest.First as IHasSpan)?.Span);
        return Rebuild(form, [form.First, vector, .. body.Select(x => Expand(x, locals, ctx))]);
    }

    private PersistentList ExpandTry(PersistentList form, LexicalScope<bool> locals, RunContext ctx) =>
        ExpandSingleCatchTry(CatchClauses.Merge(form, fresh), locals, ctx);

    private PersistentList ExpandSingleCatchTry(PersistentList form, LexicalScope<bool> locals, RunContext ctx) =>
        Rebuild(form, form.Select((item, i) => i == 0 ? item : item switch
        {
            PersistentList { First: Symbol { Namespace: null, Name: "catch" }, Rest.First: Symbol e } c =>
                Rebuild(c, [c.First, e, .. c.Rest.Rest.Select(x => Expand(x, locals.Bind(e.Name, true), ctx))]),
            PersistentList { First: Symbol { Namespace: null, Name: "finally" } } f =>
                Rebuild(f, [f.First, .. f.Rest.Select(x => Expand(x, locals, ctx))]),
            _ => Expand(item, locals, ctx),
        }));

    /// <summary>def: the metadata map is data, so only the value is expanded.</summary>
    private PersistentList ExpandDef(PersistentList form, LexicalScope<bool> locals, RunContext ctx)
    {
        form = DefMetadata.Normalize(form);
        return Rebuild(form, form.Select((item, i) => i < 2 || (i == 2 && form.Count == 4) ? item : Expand(item, locals, ctx)));
    }


    private bool IsDefinedGlobal(string name) => globals.Find(name) is { IsDefined: true };

    private static Func<string, Symbol> FreshNames(GlobalEnvironment globals) =>
        stem => Symbol.Of(stem + "__" + globals.NextGensymId());

    private static PersistentList Rebuild(PersistentList original, IEnumerable<object?> items) =>
        PersistentList.CreateRange(items.ToList()).WithSpan(original.Span);

    private static object? WithSpan(object? form, SourceSpan? span) =>
        form is PersistentList { Span: null } l && span is not null ? l.WithSpan(span) : form;

    private ExpansionException Error(string id, object? form, params object?[] args) =>
        new(Diagnostic.Create(id, Located((form as IHasSpan)?.Span ?? (form as Symbol)?.Span), args));

    /// <summary>
    /// A form's own span if it lies inside the top-level form being expanded; otherwise that
    /// top-level form's. Macro output can carry spans from where the macro was defined: an
    /// earlier REPL entry, whose columns mean nothing in this one (issue 15 item 14).
    /// </summary>
    private SourceSpan? Located(SourceSpan? span) =>
        span is null || topLevelSpan is null || (span.File == topLevelSpan.File && span.StartOffset >= topLevelSpan.StartOffset && span.EndOffset <= topLevelSpan.EndOffset)
            ? span ?? topLevelSpan
            : topLevelSpan;
}
