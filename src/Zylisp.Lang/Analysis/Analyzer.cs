using System.Collections.Immutable;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Namespaces;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Analysis;

/// <summary>The analysis position of a form: its context, and the recur target if it is in recur-tail position.</summary>
internal readonly record struct Position(NodeContext Context, RecurTarget? Recur)
{
    public static readonly Position Value = new(NodeContext.Value, null);
    public static readonly Position Statement = new(NodeContext.Statement, null);
}

/// <summary>An analysis error; analysis of the current top-level form stops at the first one.</summary>
internal sealed class AnalysisException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; internal set; } = diagnostic;
}

/// <summary>
/// Turns one macro-expanded top-level form (core forms only, see docs/design/core-forms.md)
/// into IR: locals resolved to slots or captures, globals to Vars, every node marked with its
/// context. Special forms are analyzed by the family files in SpecialForms/, found through
/// <see cref="SpecialFormTable"/>.
/// </summary>
internal sealed class Analyzer
{
    private LexicalScope<LocalInfo> locals = LexicalScope<LocalInfo>.Empty;
    private SourceSpan? nearestSpan;

    public Analyzer(GlobalEnvironment globals, Truthiness truthiness, NamespaceScope? namespaces = null)
    {
        Globals = globals;
        Truthiness = truthiness;
        Namespaces = namespaces ?? new NamespaceScope(globals);
        Scope = new FunctionScope(null, "<top-level>");
    }

    public GlobalEnvironment Globals { get; }

    /// <summary>The namespace forms are analyzed in, and how its names resolve.</summary>
    public NamespaceScope Namespaces { get; }

    /// <summary>The unit's truthiness rule; <c>(dialect :slisp)</c> switches it for the rest of the unit.</summary>
    public Truthiness Truthiness { get; set; }

    internal FunctionScope Scope { get; set; }

    private readonly HashSet<Var> forwardSeen = [];

    /// <summary>Globals referred to while still undefined, with their first reference, in order.</summary>
    public List<(Var Var, SourceSpan? Span)> ForwardReferences { get; } = [];

    /// <summary>Parameters annotated with a narrow Go number type, and the type (<see cref="GoNumberTypes"/>).</summary>
    public Dictionary<LocalBinding, string> NarrowLocals { get; } = [];

    /// <summary>Warnings found while analyzing, such as a call with the wrong number of arguments (ZL3010).</summary>
    public List<Diagnostic> Warnings { get; } = [];

    public TopLevel AnalyzeTopLevel(object? form)
    {
        Scope = new FunctionScope(null, "<top-level>");
        locals = LexicalScope<LocalInfo>.Empty;
        var body = Analyze(form, Position.Value);
        return new TopLevel(body, Scope.FrameSize);
    }

    public Node Analyze(object? form, Position pos)
    {
        var saved = nearestSpan;
        if (form is IHasSpan { Span: { } span })
        {
            nearestSpan = span;
        }

        try
        {
            return form switch
            {
                Symbol s => AnalyzeSymbol(s, pos),
                PersistentList { Count: > 0 } list => AnalyzeList(list, pos),
                PersistentVector v => AnalyzeCollection(CollectionKind.Vector, v, v.Span, pos),
                PersistentSet s => AnalyzeCollection(CollectionKind.Set, s, s.Span, pos),
                PersistentMap m => AnalyzeCollection(CollectionKind.Map, KeysAndValues(m), m.Span, pos),
                _ => new ConstNode(form, pos.Context, SpanOf(form)),
            };
        }
        finally
        {
            nearestSpan = saved;
        }
    }

    // A loop, not SelectMany over KeyValuePair (JIT-compiled on first use: every defn has a map).
    private static List<object?> KeysAndValues(PersistentMap map)
    {
        var items = new List<object?>(map.Count * 2);
        foreach (var entry in map.Entries)
        {
            items.Add(entry.Key);
            items.Add(entry.Value);
        }

        return items;
    }

    /// <summary>The span of a form, or of the nearest enclosing form that has one (macro output often has none).</summary>
    public SourceSpan? SpanOf(object? form) =>
        form switch
        {
            IHasSpan { Span: { } s } => s,
            Symbol { Span: { } s } => s,
            _ => nearestSpan,
        };

    public AnalysisException Error(string id, object? form, params object?[] args) =>
        new(Diagnostic.Create(id, SpanOf(form), args));

    /// <summary>Analyzes a body (implicit do): all forms but the last as statements.</summary>
    public Node AnalyzeBody(PersistentList forms, Position pos, SourceSpan? span)
    {
        if (forms.Count == 0)
        {
            return new ConstNode(null, pos.Context, span);
        }

        if (forms.Count == 1)
        {
            return Analyze(forms.First, pos);
        }

        var statements = ImmutableArray.CreateBuilder<Node>(forms.Count - 1);
        var rest = forms;
        while (rest.Count > 1)
        {
            statements.Add(Analyze(rest.First, Position.Statement));
            rest = rest.Rest;
        }

        return new DoNode(statements.MoveToImmutable(), Analyze(rest.First, pos), pos.Context, span);
    }

    /// <summary>Runs <paramref name="analyze"/> with extra locals in scope, then restores the scope and frees the slots.</summary>
    public T WithLocals<T>(IEnumerable<LocalInfo> added, Func<T> analyze)
    {
        var savedLocals = locals;
        foreach (var info in added)
        {
            locals = locals.Bind(info.Binding.Name, info);
        }

        try
        {
            return analyze();
        }
        finally
        {
            locals = savedLocals;
        }
    }

    /// <summary>Adds one local for the rest of the current WithLocals region.</summary>
    public void Bind(LocalInfo info) => locals = locals.Bind(info.Binding.Name, info);

    /// <summary>Saves the lexical scope; restore with <see cref="RestoreLocals"/>.</summary>
    public (LexicalScope<LocalInfo> Locals, int NextSlot) SaveLocals() => (locals, Scope.NextSlot);

    public void RestoreLocals((LexicalScope<LocalInfo> Locals, int NextSlot) saved)
    {
        locals = saved.Locals;
        Scope.NextSlot = saved.NextSlot;
    }

    /// <summary>Starts analyzing a nested function; returns what <see cref="LeaveFunction"/> needs.</summary>
    public (FunctionScope Outer, LexicalScope<LocalInfo> Locals) EnterFunction(string name)
    {
        var saved = (Scope, locals);
        Scope = new FunctionScope(Scope, name);
        return saved;
    }

    public void LeaveFunction((FunctionScope Outer, LexicalScope<LocalInfo> Locals) saved)
    {
        Scope = saved.Outer;
        locals = saved.Locals;
    }

    private Node AnalyzeSymbol(Symbol symbol, Position pos)
    {
        var span = symbol.Span ?? nearestSpan;
        if (symbol.Namespace is null && locals.TryFind(symbol.Name, out var local))
        {
            var (access, index) = Scope.Access(local);
            var reference = new LocalRefNode(local.Binding, access, index, pos.Context, span);
            return NarrowLocals.TryGetValue(local.Binding, out var narrow) ? GoNumberTypes.Mark(this, narrow, reference) : reference;
        }

        if (symbol.Namespace is null && SpecialFormTable.IsSpecial(symbol.Name))
        {
            throw Error(DiagnosticIds.SpecialFormAsValue, symbol, symbol.Name);
        }

        if (symbol is { Namespace: null, Name: "*ns*" })
        {
            // The namespace being compiled, as a symbol: resolved here so every engine sees a constant.
            return new ConstNode(Symbol.Of(Namespaces.Current.Name), pos.Context, span);
        }

        return new GlobalRefNode(ResolveSymbol(symbol, span), pos.Context, span);
    }

    /// <summary>The Var a global symbol stands for in the current namespace; a qualifier that names nothing is an error.</summary>
    public Var ResolveSymbol(Symbol symbol, SourceSpan? span)
    {
        var resolution = NameResolver.Resolve(Namespaces, symbol.Namespace, symbol.Name);
        if (resolution.Global is not { } global)
        {
            throw new AnalysisException(Diagnostic.Create(resolution.ErrorId!, span ?? nearestSpan, resolution.Args));
        }

        return ResolveGlobal(global, span);
    }

    /// <summary>The Var for a global name, applying the dialect's aliases and recording forward references.</summary>
    public Var ResolveGlobal(string name, SourceSpan? span)
    {
        if (Truthiness == Truthiness.Slisp && Dialects.SlispAliases.TryGetValue(name, out var alias))
        {
            name = alias;
        }

        var v = Globals.Intern(name);
        if (!v.IsDefined && forwardSeen.Add(v))
        {
            ForwardReferences.Add((v, span));
        }

        return v;
    }

    private Node AnalyzeList(PersistentList list, Position pos)
    {
        if (list.First is Symbol { Namespace: null } head && !locals.Contains(head.Name)
            && SpecialFormTable.TryGet(head.Name, out var special) && special.Analyze is { } analyze)
        {
            return analyze(this, list, pos);
        }

        if (list.First is Symbol { Namespace: null } directive && ModuleLoader.IsDirectiveName(directive.Name) && !locals.Contains(directive.Name)
            && Globals.Find(NameResolver.Unqualified(Namespaces, directive.Name)) is not { IsDefined: true })
        {
            // The pipeline runs these before expansion when they are top-level forms; here they are not.
            throw Error(DiagnosticIds.NamespaceDirectiveNotTopLevel, list, directive.Name);
        }

        var fn = Analyze(list.First, Position.Value);
        var args = ImmutableArray.CreateBuilder<Node>(list.Count - 1);
        foreach (var arg in list.Rest)
        {
            args.Add(Analyze(arg, Position.Value));
        }

        var span = SpanOf(list);
        if (fn is GlobalRefNode { Var: { IsDefined: true, IsMacro: false } callee } && Arity.Of(callee.Value) is { } arity && !arity.Accepts(args.Count))
        {
            Warnings.Add(Diagnostic.Create(DiagnosticIds.WrongArityWarning, span, callee.Name, args.Count, arity.Describe()));
        }

        var call = new InvokeNode(fn, args.MoveToImmutable(), Scope.Name, pos.Context, span);
        return NarrowLocals.Count > 0 ? GoNumberTypes.MarkArithmetic(this, call) : call;
    }

    private Node AnalyzeCollection(CollectionKind kind, IEnumerable<object?> items, SourceSpan? span, Position pos)
    {
        var nodes = items.Select(item => Analyze(item, Position.Value)).ToImmutableArray();
        if (nodes.All(n => n is ConstNode))
        {
            object? value = kind switch
            {
                CollectionKind.Vector => PersistentVector.CreateRange(nodes.Select(n => ((ConstNode)n).Value)),
                CollectionKind.Set => PersistentSet.CreateRange(nodes.Select(n => ((ConstNode)n).Value)),
                _ => MapOf(nodes.Select(n => ((ConstNode)n).Value).ToArray()),
            };
            return new ConstNode(value, pos.Context, span ?? nearestSpan);
        }

        return new CollectionNode(kind, nodes, pos.Context, span ?? nearestSpan);
    }

    private static PersistentMap MapOf(object?[] keysAndValues) => PersistentMap.Create(keysAndValues);
}
