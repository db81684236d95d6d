using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Expansion;
using Zylisp.Lang.Namespaces;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang;

/// <summary>One compilation unit (a file, a REPL entry, an eval): its dialect, forward references and namespace.</summary>
internal sealed class CompilationUnit(Analyzer analyzer, string file)
{
    public Analyzer Analyzer { get; } = analyzer;

    public string File { get; } = file;

    /// <summary>The namespace a required file must declare; null for a main file, a REPL entry or a string require.</summary>
    public string? ExpectedNamespace { get; set; }

    /// <summary>The namespace the unit's ns form declared, if it had one.</summary>
    public string? DeclaredNamespace { get; set; }
}

/// <summary>
/// The ordered passes every top-level form goes through, in one place (docs/design/middle-end.md):
/// read → expand → analyze → require (load the prelude definitions of the globals the form refers
/// to) → execute (the <see cref="IExecutionEngine"/>). Backends that want statements lower the analyzed
/// IR themselves (<see cref="Lowering.Lowerer"/>). A top-level <c>do</c> is split after expanding
/// its head, so a macro defined early in it is usable later in it. Owned by one engine; all
/// state is explicit.
/// </summary>
internal sealed class Pipeline : IHostServices, IDefinitionLoader
{
    public static readonly IReadOnlyList<string> Passes = ["read", "expand", "analyze", "require", "lower", "execute"];

    private readonly Expander expander;
    private readonly ReaderOptions readerOptions;
    private readonly NamespaceScope namespaces;
    private readonly ModuleLoader modules;
    private IDefinitionLoader? definitions;

    public Pipeline(GlobalEnvironment globals, DefinitionTable definitionTable, EngineOptions options, SourceRegistry sources, IExecutionEngine executor)
    {
        Definitions = definitionTable;
        Globals = globals;
        Options = options;
        Sources = sources;
        Executor = executor;
        namespaces = new NamespaceScope(globals) { ForeignNames = options.ForeignQualifiedNames, EngineName = options.TargetName ?? executor.Name };
        modules = new ModuleLoader(this, namespaces);
        expander = new Expander(globals, options.Limits, this, namespaces);
        readerOptions = new ReaderOptions { MaxDepth = options.Limits.MaxReadDepth, MaxSourceLength = options.Limits.MaxSourceLength };
    }

    public IExecutionEngine Executor { get; }

    /// <summary>An engine that is also a tier compiler (the tiered engine) compiles hot interpreted fns.</summary>
    ITierCompiler? IHostServices.TierCompiler => Executor as ITierCompiler;

    /// <summary>The IR of each global's definition (the analyze step records it).</summary>
    public DefinitionTable Definitions { get; }

    /// <summary>Where the require step loads definitions from (the prelude); set once, when the engine installs it.</summary>
    public void UseDefinitions(IDefinitionLoader loader) => definitions = loader;

    public void Require(string name) => definitions?.Require(name);

    public void RequireAll() => definitions?.RequireAll();

    public GlobalEnvironment Globals { get; }

    public EngineOptions Options { get; }

    public SourceRegistry Sources { get; }

    public RunContext NewContext(CancellationToken ct) => new(Globals, Options, this, ct);

    public CompilationUnit NewUnit(string file) =>
        new(new Analyzer(Globals, Dialects.IsSlispFile(file) ? Truthiness.Slisp : Truthiness.Clojure, namespaces), file);

    /// <summary>The namespace forms are compiled in now (the REPL's prompt, where -main is looked up).</summary>
    public Namespace CurrentNamespace => namespaces.Current;

    /// <summary>Warnings of a required file's unit, collected for the unit that required it.</summary>
    public List<Diagnostic> NestedWarnings { get; } = [];

    public void ReportNested(CompilationUnit unit) => NestedWarnings.AddRange(UndefinedWarnings(unit));

    /// <summary>Pass 1: text to forms. Never throws; errors are in the result.</summary>
    public ReadResult Read(string source, string file)
    {
        Sources.Add(file, source);
        return Dialects.DropSlispSetDuplicates(Reader.ReadAll(source, file, readerOptions), file);
    }

    /// <summary>Passes 2-5 for one top-level form; returns its value. Throws the phase's exception on error.</summary>
    public object? EvalTopLevel(object? form, CompilationUnit unit, RunContext ctx)
    {
        if (TryDialect(form, unit) || modules.TryDirective(form, unit, ctx))
        {
            return null;
        }

        var outer = expander.ExpandOuter(form, ctx);
        if (outer is PersistentList { First: Symbol { Namespace: null, Name: "do" } } block)
        {
            object? last = null;
            foreach (var item in block.Rest)
            {
                last = EvalTopLevel(item, unit, ctx);
            }

            return last;
        }

        var expanded = expander.ExpandTopLevel(outer, ctx);
        var top = Analyze(expanded, unit);
        return Executor.Execute(top, ctx);
    }

    /// <summary>
    /// Analysis and the require step: analyzes the form (resolving names to their global cells
    /// without running anything), then loads the pending prelude definitions of the globals it
    /// refers to, so they are defined before the form runs. A definition keeps its IR with its global.
    /// </summary>
    public TopLevel Analyze(object? expanded, CompilationUnit unit)
    {
        RequireAllBeforeCoreRedefinition(expanded);
        var top = unit.Analyzer.AnalyzeTopLevel(expanded);
        if (definitions is not null)
        {
            foreach (var (global, _) in GlobalReferences.Of(top.Body))
            {
                if (!global.IsDefined)
                {
                    definitions.Require(global.Name);
                }
            }
        }

        if (top.Body is DefNode def)
        {
            Definitions.Record(def.Var, top);
            if (def.Var.DefinedAt is { } at && Sources.TryGet(at.File, out var text))
            {
                def.Var.DefinedIn = text;
            }
        }

        return top;
    }

    /// <summary>Redefining a core name first loads the whole prelude, so no prelude definition loaded later sees the user's version.</summary>
    private void RequireAllBeforeCoreRedefinition(object? form)
    {
        if (definitions is not null && namespaces.Current.IsUser
            && form is PersistentList { First: Symbol { Namespace: null, Name: "def" } } def && def.Rest.First is Symbol defined
            && (Globals.IsAdvertised(defined.Name) || Globals.Find(defined.Name) is { IsCore: true }))
        {
            definitions.RequireAll();
        }
    }

    /// <summary>
    /// Expands one top-level form for `zylisp expand`. Definitions are evaluated so that later
    /// forms can use the macros (and their helper functions) they define; nothing else runs.
    /// </summary>
    public object? ExpandTopLevel(object? form, CompilationUnit unit, RunContext ctx)
    {
        if (TryDialect(form, unit) || modules.TryDirective(form, unit, ctx))
        {
            return form;
        }

        var outer = expander.ExpandOuter(form, ctx);
        if (outer is PersistentList { First: Symbol { Namespace: null, Name: "do" } } block)
        {
            var items = block.Rest.Select(item => ExpandTopLevel(item, unit, ctx)).ToList();
            return PersistentList.CreateRange([block.First, .. items]).WithSpan(block.Span);
        }

        var expanded = expander.ExpandTopLevel(outer, ctx);
        if (expanded is PersistentList { First: Symbol { Namespace: null, Name: "def" } })
        {
            Executor.Execute(Analyze(expanded, unit), ctx);
        }

        return expanded;
    }

    /// <summary>Loads every form of a source text as one unit; returns the last value.</summary>
    public object? LoadUnit(ReadResult read, CompilationUnit unit, RunContext ctx)
    {
        object? last = null;
        foreach (var form in read.Forms)
        {
            last = TopLevelLocation.Run(form, () => EvalTopLevel(form, unit, ctx));
        }

        return last;
    }

    /// <summary>The analyzer's warnings (wrong arity at a call), then one for each global the unit referred to that is still undefined.</summary>
    public static List<Diagnostic> UndefinedWarnings(CompilationUnit unit)
    {
        // A plain loop: LINQ over this list of value tuples would be JIT-compiled on every start.
        var warnings = new List<Diagnostic>(unit.Analyzer.Warnings);
        foreach (var r in unit.Analyzer.ForwardReferences)
        {
            // A foreign name (a Go function on the go target) is the target's to resolve, never a Zylisp definition.
            if (!r.Var.IsDefined && !r.Var.IsDeclared && !IsForeign(unit.Analyzer.Namespaces, r.Var.Name))
            {
                warnings.Add(Diagnostic.Create(DiagnosticIds.UndefinedGlobalWarning, r.Span, r.Var.Name));
            }
        }

        return warnings;
    }

    // The same question the resolver asked when it let the name through (EngineOptions.ForeignQualifiedNames).
    private static bool IsForeign(NamespaceScope scope, string global) =>
        scope.ForeignNames is { } foreign && global.IndexOf('/') is var slash and > 0 && slash < global.Length - 1
        && foreign(global[..slash], global[(slash + 1)..]);

    /// <summary>Applies a <c>(dialect :slisp)</c> directive to the unit; false when the form is not one.</summary>
    public static bool TryDialect(object? form, CompilationUnit unit)
    {
        if (form is not PersistentList { Count: 2, First: Symbol { Namespace: null, Name: "dialect" } } directive)
        {
            return false;
        }

        unit.Analyzer.Truthiness = directive.Rest.First switch
        {
            Keyword { Name: "slisp" } => Truthiness.Slisp,
            Keyword { Name: "zylisp" or "clojure" } => Truthiness.Clojure,
            var other => throw new ExpansionException(Diagnostic.Create(DiagnosticIds.UnknownDialect, directive.Span, other)),
        };
        return true;
    }

    // IHostServices: what the core library asks of the engine. Compile-time errors inside eval,
    // load-file and read-string become catchable Zylisp errors.

    object? IHostServices.EvalForm(RunContext ctx, object? form) =>
        AsRuntimeError(() => EvalTopLevel(Expansion.SeqForms.Realize(form, ctx.Options.Limits.MaxExpansionSize), NewUnit("<eval>"), ctx));

    object? IHostServices.MacroExpand(RunContext ctx, object? form, bool once) =>
        AsRuntimeError(() => expander.ExpandOuter(form, ctx, once));

    object? IHostServices.LoadFile(RunContext ctx, string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (FileErrors.IsFileFailure(e))
        {
            throw RuntimeErrors.Io("load-file", FileErrors.Describe("read", path, e));
        }

        var read = Read(text, path);
        ThrowOnReadError(read);

        // As Clojure's load: the file's ns form switches the namespace only while the file loads.
        var saved = namespaces.Current;
        try
        {
            return AsRuntimeError(() => LoadUnit(read, NewUnit(path), ctx));
        }
        finally
        {
            namespaces.Current = saved;
        }
    }

    object? IHostServices.ReadString(string text)
    {
        var read = Reader.ReadAll(text, "<string>", readerOptions);
        ThrowOnReadError(read);

        return read.Forms.Count == 0 ? null : read.Forms[0];
    }

    string? IHostServices.Doc(string name)
    {
        Require(name);
        return Documentation.Lookup(Globals, name);
    }

    private static object? AsRuntimeError(Func<object?> action)
    {
        try
        {
            return action();
        }
        catch (ExpansionException e)
        {
            throw FromDiagnostic(e.Diagnostic);
        }
        catch (AnalysisException e)
        {
            throw FromDiagnostic(e.Diagnostic);
        }
    }

    /// <summary>A read error inside running code (load-file, read-string) becomes a catchable Zylisp error.</summary>
    private static void ThrowOnReadError(ReadResult read)
    {
        if (read.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            throw FromDiagnostic(error);
        }
    }

    private static ZylispException FromDiagnostic(Diagnostic d) =>
        new(new ErrorValue(d.Message, Keyword.Of(d.Phase.ToString().ToLowerInvariant() + "-error"), null, d.Span, d.Id) { Args = d.Args });
}
