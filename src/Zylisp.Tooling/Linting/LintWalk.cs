using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Tooling.Linting;

/// <summary>
/// One file's lint: a first pass collects the file's definitions (name, arity, private), a second
/// walks every form with the locals in scope and records findings. Forms are walked as written;
/// macros the linter does not know are walked leniently (no undefined-name findings inside them),
/// since they may bind names of their own.
/// </summary>
internal sealed class LintWalk(Engine core, SourceText source, bool slisp)
{
    // Threading macros insert an argument into each step, so a step's own argument count is not the call's.
    private static readonly HashSet<string> ThreadingMacros = new(StringComparer.Ordinal)
    {
        "->", "->>", "some->", "some->>", "cond->", "cond->>", "doto",
    };

    private static readonly HashSet<string> DefiningHeads = new(StringComparer.Ordinal)
    {
        "def", "defn", "defn-", "defmacro", "defvar", "defconst", "deffunc", "defonce", "declare",
    };

    // Core macros whose arguments are all ordinary code: walked like calls.
    private static readonly HashSet<string> PlainMacros = new(StringComparer.Ordinal)
    {
        "when", "when-not", "unless", "if-not", "and", "or", "cond", "->", "->>", "some->", "some->>",
        "cond->", "cond->>", "doto", "while", "time", "assert", "condp", "doc",
    };

    private readonly Dictionary<string, FileDefinition> definitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> referenced = new(StringComparer.Ordinal);

    public List<Diagnostic> Findings { get; } = [];

    public void Run(IReadOnlyList<object?> forms)
    {
        foreach (var form in forms)
        {
            CollectDefinitions(form);
        }

        foreach (var form in forms)
        {
            Walk(form, LintScope.Empty, lenient: false);
        }

        foreach (var definition in definitions.Values)
        {
            if (definition.IsPrivate && !referenced.Contains(definition.Name.Name))
            {
                Report(DiagnosticIds.UnusedPrivate, definition.Name, definition.Name.Name);
            }
        }
    }

    // ---- pass 1: the file's own definitions ---------------------------------------------------

    private sealed record FileDefinition(Symbol Name, bool IsPrivate, bool IsMacro, Arity? Arity);

    private void CollectDefinitions(object? form)
    {
        if (form is not PersistentList { First: Symbol { Namespace: null } head } list)
        {
            return;
        }

        if (head.Name == "do")
        {
            foreach (var item in list.Rest)
            {
                CollectDefinitions(item);
            }

            return;
        }

        if (head.Name == "import")
        {
            // (import '[System.Text StringBuilder]): the short names stand for .NET types from here on.
            foreach (var spec in list.Rest.Select(a => a is PersistentList { Count: 2, First: Symbol { Name: "quote" } } q ? q.Rest.First : a))
            {
                foreach (var type in spec is PersistentVector or PersistentList ? ((IEnumerable<object?>)spec).Skip(1).OfType<Symbol>() : [])
                {
                    definitions.TryAdd(type.Name, new FileDefinition(type, false, false, null));
                }
            }

            return;
        }

        // Any (defsomething name ...) defines name, so user definition macros do not make their names undefined.
        if (!head.Name.StartsWith("def", StringComparison.Ordinal) || head.Name == "default")
        {
            return;
        }

        var rest = list.Rest;
        bool isPrivate = head.Name == "defn-";
        while (rest.First is Symbol { Name: ['^', ..] } hint)
        {
            isPrivate |= hint.Name == "^:private";
            rest = rest.Rest;
        }

        if (head.Name == "declare")
        {
            foreach (var name in rest.OfType<Symbol>())
            {
                definitions.TryAdd(name.Name, new FileDefinition(name, false, false, null));
            }

            return;
        }

        if (rest.First is not Symbol nameSymbol)
        {
            return;
        }

        if (rest.Rest.First is PersistentMap meta && meta.Get(Keyword.Of("private")) is true && rest.Rest.Count > 1)
        {
            isPrivate = true;
        }

        var arity = head.Name is "defn" or "defn-" or "defmacro" or "deffunc" ? ArityOfDefn(head.Name, rest.Rest) : null;
        definitions[nameSymbol.Name] = new FileDefinition(nameSymbol, isPrivate, head.Name == "defmacro", arity);
        foreach (var implied in ImpliedDefinitions(head.Name, nameSymbol, rest.Rest))
        {
            definitions.TryAdd(implied.Name, new FileDefinition(implied, isPrivate, false, null));
        }
    }

    /// <summary>Names a definition form defines besides its own: defrecord's constructors, defprotocol's methods.</summary>
    private static IEnumerable<Symbol> ImpliedDefinitions(string head, Symbol name, PersistentList rest) => head switch
    {
        "defrecord" => [Symbol.Of("->" + name.Name).WithSpan(name.Span), Symbol.Of("map->" + name.Name).WithSpan(name.Span)],
        "defprotocol" => rest.OfType<PersistentList>().Select(spec => spec.First).OfType<Symbol>(),
        _ => [],
    };

    private static Arity? ArityOfDefn(string head, PersistentList decl)
    {
        if (head == "deffunc")
        {
            return decl.First is PersistentList or PersistentVector ? ArityOfParameters((IEnumerable<object?>)decl.First!) : null;
        }

        while (decl.First is string or PersistentMap)
        {
            decl = decl.Rest;
        }

        if (decl.First is PersistentVector v || IsParameterList(decl.First))
        {
            return ArityOfParameters((IEnumerable<object?>)decl.First!);
        }

        var fixedCounts = new List<int>();
        int? rest = null;
        foreach (var arityForm in decl)
        {
            if (arityForm is not PersistentList { First: var p } || (p is not PersistentVector && !IsParameterList(p)) || ArityOfParameters((IEnumerable<object?>)p!) is not { } a)
            {
                return null;
            }

            fixedCounts.AddRange(a.Fixed);
            rest ??= a.RestFrom;
        }

        return fixedCounts.Count == 0 && rest is null ? null : new Arity(fixedCounts, rest);
    }

    private static Arity? ArityOfParameters(IEnumerable<object?> parameters)
    {
        var list = parameters.ToList();
        int amp = list.FindIndex(p => p is Symbol { Name: "&" });
        return amp < 0 ? new Arity([list.Count], null) : new Arity([], amp);
    }

    private static bool IsParameterList(object? form) => form is PersistentList l && l.All(p => p is Symbol);

    // ---- pass 2: the walk ---------------------------------------------------------------------

    private void Walk(object? form, LintScope scope, bool lenient)
    {
        switch (form)
        {
            case Symbol s:
                WalkSymbol(s, scope, lenient);
                break;
            case PersistentList { Count: > 0 } list:
                WalkList(list, scope, lenient);
                break;
            case PersistentVector v:
                WalkAll(v, scope, lenient);
                break;
            case PersistentSet set:
                WalkAll(set, scope, lenient);
                break;
            case PersistentMap m:
                foreach (var e in m.Entries)
                {
                    Walk(e.Key, scope, lenient);
                    Walk(e.Value, scope, lenient);
                }

                break;
        }
    }

    private void WalkAll(IEnumerable<object?> forms, LintScope scope, bool lenient)
    {
        foreach (var form in forms)
        {
            Walk(form, scope, lenient);
        }
    }

    private void WalkSymbol(Symbol s, LintScope scope, bool lenient)
    {
        if (s.Namespace is null && scope.Find(s.Name) is { } local)
        {
            local.Used = true;
            return;
        }

        string name = s.Name;
        referenced.Add(name);
        if (lenient || s.Namespace is not null || name is "&" || name.StartsWith('%') || name.StartsWith('^') || name.StartsWith('.') || name.EndsWith('.') || name is "new" or "import" || IsDotnetTypeName(name)
            || Engine.IsSpecialForm(name) || definitions.ContainsKey(name) || core.DescribeGlobal(name) is not null)
        {
            return;
        }

        Report(DiagnosticIds.UndefinedGlobalLint, s, name);
    }

    // System.Text.StringBuilder: a .NET type name (docs/language.md section 17), not a global.
    private static bool IsDotnetTypeName(string name) =>
        name.Contains('.') && name.Split('.').All(part => part.Length > 0 && char.IsAsciiLetterUpper(part[0]));

    private void WalkList(PersistentList list, LintScope scope, bool lenient)
    {
        if (list.First is not Symbol { Namespace: null } head || scope.Find(head.Name) is not null)
        {
            WalkCall(list, scope, lenient);
            return;
        }

        switch (head.Name)
        {
            case "quote" or "comment":
                return;
            case "." when list.Count >= 3:
                // (. target Member args*) or (. target (Member args*)): Member is a .NET name, not a global.
                Walk(list.Rest.First, scope, lenient);
                WalkAll(list.Rest.Rest.First is PersistentList memberCall ? memberCall.Rest : list.Rest.Rest.Rest, scope, lenient);
                return;
            case "syntax-quote" or "quasiquote":
                WalkTemplate(list.Rest.First, scope, lenient);
                return;
            case "def" or "defvar" or "defconst" or "defonce":
                referenced.Remove(head.Name);
                WalkDef(list, scope, lenient);
                return;
            case "defn" or "defn-" or "defmacro":
                WalkDefn(list, scope, lenient);
                return;
            case "deffunc":
                WalkDeffunc(list, scope, lenient);
                return;
            case "fn":
                WalkFn(list, scope, lenient);
                return;
            case "let" or "loop" or "binding" or "when-let" or "if-let" or "when-some" or "if-some" or "when-first" or "with-open" or "dotimes":
                WalkLet(list, scope, lenient);
                return;
            case "doseq" or "for":
                WalkComprehension(list, scope, lenient);
                return;
            case "letfn":
                WalkLetfn(list, scope, lenient);
                return;
            case "try":
                WalkTry(list, scope, lenient);
                return;
            case "do":
                if (list.Count == 2)
                {
                    Report(DiagnosticIds.RedundantDo, list, "it wraps a single form");
                }

                WalkBody(list.Rest, scope, lenient);
                return;
            case "if":
                if (list.Count == 4 && list.Rest.Rest.Rest.First is null && EndsWithNil(list))
                {
                    Report(DiagnosticIds.IfWithoutElse, list);
                }

                WalkAll(list.Rest, scope, lenient);
                return;
            case "when" or "when-not":
                Walk(list.Rest.First, scope, lenient);
                WalkBody(list.Rest.Rest, scope, lenient);
                return;
            case "case":
                WalkCase(list, scope, lenient);
                return;
            case "as->":
                WalkThreadAs(list, scope, lenient);
                return;
            case "dialect":
                slisp = list.Rest.First is Keyword { Name: "slisp" };
                return;
            case var name when ThreadingMacros.Contains(name):
                referenced.Add(name);
                foreach (var step in list.Rest)
                {
                    if (step is PersistentList { Count: > 0 } call)
                    {
                        WalkAll(call, scope, lenient);
                    }
                    else
                    {
                        Walk(step, scope, lenient);
                    }
                }

                return;
        }

        WalkCall(list, scope, lenient);
    }

    private void WalkCall(PersistentList list, LintScope scope, bool lenient)
    {
        if (list.First is Symbol { Namespace: null } head && scope.Find(head.Name) is null && !Engine.IsSpecialForm(head.Name))
        {
            var info = definitions.TryGetValue(head.Name, out var own)
                ? new GlobalInfo(head.Name, own.IsMacro, own.Arity)
                : core.DescribeGlobal(slisp ? SlispName(head.Name) : head.Name);
            if (info is { IsMacro: false, Arity: { } arity } && !arity.Accepts(list.Count - 1))
            {
                Report(DiagnosticIds.WrongArityWarning, list, head.Name, list.Count - 1, arity.Describe());
            }

            if (info is { IsMacro: true } && !PlainMacros.Contains(head.Name))
            {
                // A macro the linter does not model may bind names: no undefined-name findings inside.
                referenced.Add(head.Name);
                WalkAll(list.Rest, scope, lenient: true);
                return;
            }
        }

        WalkAll(list, scope, lenient);
    }

    /// <summary>Inside a syntax-quote only the unquoted parts are code.</summary>
    private void WalkTemplate(object? form, LintScope scope, bool lenient)
    {
        switch (form)
        {
            case PersistentList { First: Symbol { Namespace: null, Name: "unquote" or "unquote-splicing" or "splice-unquote" } } u:
                Walk(u.Rest.First, scope, lenient);
                break;
            case PersistentList l:
                foreach (var item in l)
                {
                    WalkTemplate(item, scope, lenient);
                }

                break;
            case PersistentVector or PersistentSet:
                foreach (var item in (IEnumerable<object?>)form)
                {
                    WalkTemplate(item, scope, lenient);
                }

                break;
            case PersistentMap m:
                foreach (var e in m.Entries)
                {
                    WalkTemplate(e.Key, scope, lenient);
                    WalkTemplate(e.Value, scope, lenient);
                }

                break;
        }
    }

    private void WalkDef(PersistentList list, LintScope scope, bool lenient)
    {
        var rest = list.Rest;
        while (rest.First is Symbol { Name: ['^', ..] })
        {
            rest = rest.Rest;
        }

        // (def name), (def name value), (def name doc-or-meta value)
        WalkAll(rest.Rest.Count == 2 ? rest.Rest.Rest : rest.Rest, scope, lenient);
    }

    private void WalkDefn(PersistentList list, LintScope scope, bool lenient)
    {
        var rest = list.Rest;
        while (rest.First is Symbol { Name: ['^', ..] })
        {
            rest = rest.Rest;
        }

        rest = rest.Rest; // the name
        if (rest.First is string && rest.Count > 1)
        {
            rest = rest.Rest;
        }

        if (rest.First is PersistentMap)
        {
            rest = rest.Rest;
        }

        WalkArities(rest, scope, lenient, checkDocstring: true);
    }

    private void WalkDeffunc(PersistentList list, LintScope scope, bool lenient)
    {
        // (deffunc name (params) (:args ...)? (:return ...)? body...)
        var rest = list.Rest.Rest;
        if (rest.First is not IEnumerable<object?> parameters || rest.First is not (PersistentList or PersistentVector))
        {
            WalkAll(rest, scope, lenient);
            return;
        }

        var body = rest.Rest.Where(f => f is not PersistentList { First: Keyword { Name: "args" or "return" } });
        WalkFunctionBody(parameters, body, scope, lenient);
    }

    private void WalkFn(PersistentList list, LintScope scope, bool lenient)
    {
        var rest = list.Rest;
        if (rest.First is Symbol name)
        {
            // The function's own name is bound for recursion; never reported unused.
            scope = scope.Bind(new LintLocal(name, "name") { Used = true });
            rest = rest.Rest;
        }

        if (rest.First is PersistentMap)
        {
            rest = rest.Rest;
        }

        WalkArities(rest, scope, lenient, checkDocstring: false);
    }

    /// <summary>[params] body... or ([params] body...)+; a list of symbols is a parameter list too.</summary>
    private void WalkArities(PersistentList rest, LintScope scope, bool lenient, bool checkDocstring)
    {
        if (rest.First is PersistentVector || IsParameterList(rest.First))
        {
            if (checkDocstring && rest.Rest.First is string && rest.Rest.Count > 1)
            {
                ReportAfter(DiagnosticIds.DocstringAfterParameters, rest.First, '"');
            }

            WalkFunctionBody((IEnumerable<object?>)rest.First!, rest.Rest, scope, lenient);
            return;
        }

        foreach (var arity in rest)
        {
            if (arity is PersistentList { First: var p } arityList && (p is PersistentVector || IsParameterList(p)))
            {
                WalkFunctionBody((IEnumerable<object?>)p!, arityList.Rest, scope, lenient);
            }
            else
            {
                Walk(arity, scope, lenient);
            }
        }
    }

    private void WalkFunctionBody(IEnumerable<object?> parameters, IEnumerable<object?> body, LintScope scope, bool lenient)
    {
        var bound = new List<LintLocal>();
        foreach (var parameter in parameters)
        {
            scope = BindPattern(parameter, scope, bound, "parameter", lenient);
        }

        WalkBody(body.ToList(), scope, lenient);
        ReportUnused(bound);
    }

    private void WalkLet(PersistentList list, LintScope scope, bool lenient)
    {
        string head = ((Symbol)list.First!).Name;
        var pairs = BindingPairs(list.Rest.First);
        if (pairs is null)
        {
            WalkAll(list.Rest, scope, lenient);
            return;
        }

        var bound = new List<LintLocal>();
        var inner = scope;
        foreach (var (pattern, init) in pairs)
        {
            // binding rebinds existing globals: its names are not new locals.
            Walk(init, head == "binding" ? scope : inner, lenient);
            if (head == "binding")
            {
                Walk(pattern, scope, lenient);
                continue;
            }

            inner = BindPattern(pattern, inner, bound, "local", lenient);
        }

        var body = list.Rest.Rest.ToList();
        if (head is "if-let" or "if-some" && body.Count == 2)
        {
            // The else branch does not see the binding.
            WalkBody([body[0]], inner, lenient);
            Walk(body[1], scope, lenient);
        }
        else
        {
            WalkBody(body, inner, lenient);
        }

        ReportUnused(bound);
    }

    private void WalkComprehension(PersistentList list, LintScope scope, bool lenient)
    {
        if (list.Rest.First is not PersistentVector bindings || bindings.Count % 2 != 0)
        {
            WalkAll(list.Rest, scope, lenient);
            return;
        }

        var bound = new List<LintLocal>();
        for (int i = 0; i < bindings.Count; i += 2)
        {
            object? key = bindings[i];
            object? value = bindings[i + 1];
            switch (key)
            {
                case Keyword { Name: "let" } when BindingPairs(value) is { } lets:
                    foreach (var (pattern, init) in lets)
                    {
                        Walk(init, scope, lenient);
                        scope = BindPattern(pattern, scope, bound, "local", lenient);
                    }

                    break;
                case Keyword:
                    Walk(value, scope, lenient);
                    break;
                default:
                    Walk(value, scope, lenient);
                    scope = BindPattern(key, scope, bound, "local", lenient);
                    break;
            }
        }

        WalkBody(list.Rest.Rest.ToList(), scope, lenient);
        ReportUnused(bound);
    }

    private void WalkLetfn(PersistentList list, LintScope scope, bool lenient)
    {
        if (list.Rest.First is not PersistentVector specs)
        {
            WalkAll(list.Rest, scope, lenient);
            return;
        }

        var bound = new List<LintLocal>();
        foreach (var spec in specs)
        {
            if (spec is PersistentList { First: Symbol name })
            {
                scope = Bind(name, scope, bound, "local function");
            }
        }

        foreach (var spec in specs)
        {
            if (spec is PersistentList { First: Symbol } fnSpec)
            {
                WalkArities(fnSpec.Rest, scope, lenient, checkDocstring: false);
            }
        }

        WalkBody(list.Rest.Rest.ToList(), scope, lenient);
        ReportUnused(bound);
    }

    private void WalkTry(PersistentList list, LintScope scope, bool lenient)
    {
        var body = new List<object?>();
        foreach (var item in list.Rest)
        {
            switch (item)
            {
                case PersistentList { First: Symbol { Namespace: null, Name: "catch" } } c:
                    var rest = c.Rest;
                    if (rest.First is Keyword)
                    {
                        rest = rest.Rest;
                    }

                    if (rest.First is Symbol e)
                    {
                        var bound = new List<LintLocal>();
                        WalkBody(rest.Rest.ToList(), Bind(e, scope, bound, "local"), lenient);
                        ReportUnused(bound);
                    }

                    break;
                case PersistentList { First: Symbol { Namespace: null, Name: "finally" } } f:
                    WalkBody(f.Rest.ToList(), scope, lenient);
                    break;
                default:
                    body.Add(item);
                    break;
            }
        }

        WalkBody(body, scope, lenient);
    }

    private void WalkCase(PersistentList list, LintScope scope, bool lenient)
    {
        // (case expr test result ... default?): the tests are constants, not code.
        var items = list.Rest.ToList();
        if (items.Count == 0)
        {
            return;
        }

        Walk(items[0], scope, lenient);
        for (int i = 1; i < items.Count; i++)
        {
            bool isTest = (items.Count - 1) % 2 == 0 ? i % 2 == 1 : i % 2 == 1 && i < items.Count - 1;
            if (!isTest)
            {
                Walk(items[i], scope, lenient);
            }
        }
    }

    private void WalkThreadAs(PersistentList list, LintScope scope, bool lenient)
    {
        // (as-> expr name forms...)
        Walk(list.Rest.First, scope, lenient);
        if (list.Rest.Rest.First is Symbol name)
        {
            var bound = new List<LintLocal>();
            WalkAll(list.Rest.Rest.Rest, Bind(name, scope, bound, "local"), lenient);
            ReportUnused(bound);
        }
    }

    /// <summary>A body: forms evaluated in order. Reports code after throw/recur and a lone do.</summary>
    private void WalkBody(IReadOnlyList<object?> body, LintScope scope, bool lenient)
    {
        if (body is [PersistentList { First: Symbol { Namespace: null, Name: "do" }, Count: > 2 } lone] && scope.Find("do") is null)
        {
            Report(DiagnosticIds.RedundantDo, lone, "a body already evaluates its forms in order");
        }

        for (int i = 0; i < body.Count; i++)
        {
            if (i < body.Count - 1 && body[i] is PersistentList { First: Symbol { Namespace: null, Name: "throw" or "recur" } jump } && scope.Find(jump.Name) is null)
            {
                Report(DiagnosticIds.UnreachableCode, SpanOf(body[i + 1]) ?? SpanOf(body[i]), jump.Name);
            }

            Walk(body[i], scope, lenient);
        }
    }

    private void WalkBody(PersistentList body, LintScope scope, bool lenient) => WalkBody(body.ToList(), scope, lenient);

    /// <summary>Binds every name in a destructuring pattern; defaults in :or are walked as code.</summary>
    private LintScope BindPattern(object? pattern, LintScope scope, List<LintLocal> bound, string kind, bool lenient)
    {
        switch (pattern)
        {
            case Symbol { Name: "&" }:
                return scope;
            case Symbol s:
                return Bind(s, scope, bound, kind);
            case PersistentVector v:
                foreach (var item in v)
                {
                    scope = item is Keyword ? scope : BindPattern(item, scope, bound, kind, lenient);
                }

                return scope;
            case PersistentMap m:
                foreach (var e in m.Entries)
                {
                    switch (e.Key)
                    {
                        case Keyword { Name: "keys" or "strs" or "syms" } when e.Value is PersistentVector names:
                            foreach (var name in names.OfType<Symbol>())
                            {
                                scope = Bind(Symbol.Of(name.Name).WithSpan(name.Span), scope, bound, kind);
                            }

                            break;
                        case Keyword { Name: "as" } when e.Value is Symbol alias:
                            scope = Bind(alias, scope, bound, kind);
                            break;
                        case Keyword { Name: "or" } when e.Value is PersistentMap defaults:
                            foreach (var d in defaults.Entries)
                            {
                                Walk(d.Value, scope, lenient);
                            }

                            break;
                        case Keyword:
                            break;
                        default:
                            scope = BindPattern(e.Key, scope, bound, kind, lenient);
                            break;
                    }
                }

                return scope;
            default:
                return scope;
        }
    }

    private LintScope Bind(Symbol name, LintScope scope, List<LintLocal> bound, string kind)
    {
        if (!name.Name.StartsWith('_') && !name.Name.StartsWith('%') && core.DescribeGlobal(name.Name) is { IsMacro: false, Arity: not null })
        {
            Report(DiagnosticIds.ShadowedCoreFunction, name, name.Name);
        }

        var local = new LintLocal(name, kind);
        bound.Add(local);
        return scope.Bind(local);
    }

    private void ReportUnused(List<LintLocal> bound)
    {
        foreach (var local in bound)
        {
            if (!local.Used && !local.Symbol.Name.StartsWith('_') && !local.Symbol.Name.StartsWith('%'))
            {
                Report(DiagnosticIds.UnusedLocal, local.Symbol, local.Kind, local.Symbol.Name);
            }
        }
    }

    /// <summary>let/loop bindings: [a 1 b 2], (a 1 b 2) or ((a 1) (b 2)); null when malformed.</summary>
    private static List<(object? Pattern, object? Init)>? BindingPairs(object? bindings)
    {
        var pairs = new List<(object?, object?)>();
        switch (bindings)
        {
            case PersistentList l when l.Count > 0 && l.All(b => b is PersistentList { Count: 2 }):
                foreach (var item in l)
                {
                    var b = (PersistentList)item!;
                    pairs.Add((b.First, b.Rest.First));
                }

                return pairs;
            case PersistentVector or PersistentList:
                var items = ((IEnumerable<object?>)bindings).ToList();
                if (items.Count % 2 != 0)
                {
                    return null;
                }

                for (int i = 0; i < items.Count; i += 2)
                {
                    pairs.Add((items[i], items[i + 1]));
                }

                return pairs;
            default:
                return null;
        }
    }

    // `(if x y nil)`: the reader gives nil for the literal; make sure it was written, not missing.
    private bool EndsWithNil(PersistentList list) =>
        list.Span is { } span && source.Text[span.StartOffset..span.EndOffset].TrimEnd(')').TrimEnd().EndsWith("nil", StringComparison.Ordinal);

    // SLisp's constructors take elements (docs/design/dialects.md): check them as vector and hash-set.
    private static string SlispName(string name) => name switch
    {
        "vec" => "vector",
        "set" => "hash-set",
        _ => name,
    };

    private static SourceSpan? SpanOf(object? form) => (form as IHasSpan)?.Span;

    private void Report(string id, object? at, params object?[] args)
    {
        var span = at as SourceSpan ?? SpanOf(at);
        if (span is not null)
        {
            Findings.Add(Diagnostic.Create(id, span, args));
        }
    }

    /// <summary>Reports at the first <paramref name="marker"/> after a form (a string, which carries no span of its own).</summary>
    private void ReportAfter(string id, object? form, char marker, params object?[] args)
    {
        if (SpanOf(form) is not { } span)
        {
            return;
        }

        int at = source.Text.IndexOf(marker, span.EndOffset);
        if (at < 0)
        {
            Report(id, span, args);
            return;
        }

        var (line, column) = source.GetPosition(at);
        Report(id, new SourceSpan(span.File, line, column, line, column + 1, at, at + 1), args);
    }
}
