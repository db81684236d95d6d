using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Expansion;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang;

/// <summary>One compilation unit (a file, a REPL entry, an eval): its dialect and forward references.</summary>
internal sealed class CompilationUnit(string file, Analyzer analyzer)
{
    public string File { get; } = file;

    public Analyzer Analyzer { get; } = analyzer;
}

/// <summary>
/// The ordered passes every top-level form goes through, in one place:
/// read → expand → analyze → build (IR to interpreter nodes) → run.
/// A top-level <c>do</c> is split after expanding its head, so a macro defined early in it is
/// usable later in it. Owned by one engine; all state is explicit.
/// </summary>
internal sealed class Pipeline : IHostServices
{
    public static readonly IReadOnlyList<string> Passes = ["read", "expand", "analyze", "build", "run"];

    private readonly Expander expander;
    private readonly ReaderOptions readerOptions;

    public Pipeline(GlobalEnvironment globals, EngineOptions options, SourceRegistry sources)
    {
        Globals = globals;
        Options = options;
        Sources = sources;
        expander = new Expander(globals, options.Limits);
        readerOptions = new ReaderOptions { MaxDepth = options.Limits.MaxReadDepth };
    }

    public GlobalEnvironment Globals { get; }

    public EngineOptions Options { get; }

    public SourceRegistry Sources { get; }

    public RunContext NewContext(CancellationToken ct) => new(Globals, Options, this, ct);

    public CompilationUnit NewUnit(string file) =>
        new(file, new Analyzer(Globals, Dialects.IsSlispFile(file) ? Truthiness.Slisp : Truthiness.Clojure));

    /// <summary>Pass 1: text to forms. Never throws; errors are in the result.</summary>
    public ReadResult Read(string source, string file)
    {
        Sources.Add(file, source);
        return Reader.ReadAll(source, file, readerOptions);
    }

    /// <summary>Passes 2-5 for one top-level form; returns its value. Throws the phase's exception on error.</summary>
    public object? EvalTopLevel(object? form, CompilationUnit unit, RunContext ctx)
    {
        if (TryDialect(form, unit))
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
        var top = unit.Analyzer.AnalyzeTopLevel(expanded);
        if (Options.Execution is { } engine)
        {
            return engine.Execute(top, ctx);
        }

        var code = ExecBuilder.Build(top.Body);
        return Run(code, top.FrameSize, ctx);
    }

    /// <summary>
    /// Expands one top-level form for `zylisp expand`. Definitions are evaluated so that later
    /// forms can use the macros (and their helper functions) they define; nothing else runs.
    /// </summary>
    public object? ExpandTopLevel(object? form, CompilationUnit unit, RunContext ctx)
    {
        if (TryDialect(form, unit))
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
            var top = unit.Analyzer.AnalyzeTopLevel(expanded);
            Run(ExecBuilder.Build(top.Body), top.FrameSize, ctx);
        }

        return expanded;
    }

    /// <summary>Loads every form of a source text as one unit; returns the last value.</summary>
    public object? LoadUnit(ReadResult read, CompilationUnit unit, RunContext ctx)
    {
        object? last = null;
        foreach (var form in read.Forms)
        {
            last = EvalTopLevel(form, unit, ctx);
        }

        return last;
    }

    /// <summary>Warnings for globals the unit referred to that are still undefined.</summary>
    public static List<Diagnostic> UndefinedWarnings(CompilationUnit unit)
    {
        // A plain loop: LINQ over this list of value tuples would be JIT-compiled on every start.
        var warnings = new List<Diagnostic>();
        foreach (var r in unit.Analyzer.ForwardReferences)
        {
            if (!r.Var.IsDefined)
            {
                warnings.Add(Diagnostic.Create(DiagnosticIds.UndefinedGlobalWarning, r.Span, r.Var.Name));
            }
        }

        return warnings;
    }

    private static object? Run(ExecNode code, int frameSize, RunContext ctx)
    {
        var frame = new Frame(new Slot[frameSize], null, ctx);
        return code.Eval(frame);
    }

    private static bool TryDialect(object? form, CompilationUnit unit)
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
        AsRuntimeError(() => EvalTopLevel(form, NewUnit("<eval>"), ctx));

    object? IHostServices.MacroExpand(RunContext ctx, object? form, bool once) =>
        AsRuntimeError(() => expander.ExpandOuter(form, ctx, once));

    object? IHostServices.LoadFile(RunContext ctx, string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (RuntimeErrors.IsFileFailure(e))
        {
            throw RuntimeErrors.Io("load-file", e.Message);
        }

        var read = Read(text, path);
        ThrowOnReadError(read);

        return AsRuntimeError(() => LoadUnit(read, NewUnit(path), ctx));
    }

    object? IHostServices.ReadString(string text)
    {
        var read = Reader.ReadAll(text, "<string>", readerOptions);
        ThrowOnReadError(read);

        return read.Forms.Count == 0 ? null : read.Forms[0];
    }

    string? IHostServices.Doc(string name) => Documentation.Lookup(Globals, name);

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
