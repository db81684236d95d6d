using System.Runtime.ExceptionServices;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Expansion;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Prelude;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Core;
using Zylisp.Lang.Runtime.Interpreter;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang;

/// <summary>
/// The host-facing API of the language core: one engine owns its globals, sources and options.
/// Nothing here throws for bad programs: every problem is a <see cref="Diagnostic"/> in the
/// result. Zylisp code runs on a thread with a large stack (RuntimeLimits.EvaluationStackBytes)
/// so the call-depth limit, not the host, decides when recursion is too deep.
/// </summary>
public sealed class Engine
{
    private readonly GlobalEnvironment globals = new();
    private readonly Pipeline pipeline;
    private readonly IExecutionEngine executor;
    private readonly Var commandLineArgs;
    private readonly EvaluationThread evaluationThread;

    public Engine(EngineOptions? options = null)
    {
        Options = options ?? new EngineOptions();
        evaluationThread = new EvaluationThread(Options.Limits.EvaluationStackBytes, EvaluationThreadIdleLifetime);
        executor = (Options.CreateExecutionEngine ?? (() => new InterpreterEngine()))();
        pipeline = new Pipeline(globals, Definitions, Options, Sources, executor);
        globals.AddPending(new LazyCoreLibrary(globals));
        commandLineArgs = globals.Define("*command-line-args*", null);
        commandLineArgs.IsCore = true;
        if (Options.LoadPrelude)
        {
            LoadPrelude();
        }
    }

    public EngineOptions Options { get; }

    /// <summary>How long the engine's evaluation thread waits for more work before it ends.</summary>
    private static readonly TimeSpan EvaluationThreadIdleLifetime = TimeSpan.FromSeconds(2);

    /// <summary>The analyzed IR of every global's definition, for ahead-of-time backends.</summary>
    public DefinitionTable Definitions { get; } = new();

    public SourceRegistry Sources { get; } = new();

    /// <summary>Names of the defined globals (internal helpers starting with % left out), for tab completion.</summary>
    public IEnumerable<string> GlobalNames =>
        globals.DefinedNames.Where(n => !n.StartsWith('%')).Concat(SpecialFormTable.All.Select(f => f.Name)).Distinct().Order(StringComparer.Ordinal);

    /// <summary>
    /// What is known about the global <paramref name="name"/> (a core or prelude definition, or one
    /// this engine has run); null when it is not defined. For `zylisp lint` and editors.
    /// </summary>
    public GlobalInfo? DescribeGlobal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        pipeline.Require(name); // a prelude definition is loaded on first use
        return globals.Find(name) is { IsDefined: true } v ? new GlobalInfo(v.Name, v.IsMacro, Arity.Of(v.Value)) : null;
    }

    /// <summary>True for the names of special forms (def, if, fn*, ...), which are neither globals nor macros.</summary>
    public static bool IsSpecialForm(string name) => SpecialFormTable.IsSpecial(name);

    /// <summary>True for the namespaces a qualified name may use (Math, clojure.math, clojure.core); see ZL3009.</summary>
    public static bool IsKnownNamespace(string ns) => Dialects.IsKnownNamespace(ns);

    /// <summary>The namespace the next form is compiled in (the REPL shows it in its prompt).</summary>
    public string CurrentNamespace => pipeline.CurrentNamespace.Name;

    /// <summary>The pass names of the pipeline, in order.</summary>
    public static IReadOnlyList<string> Passes => Pipeline.Passes;

    /// <summary>Reads, expands, analyzes and runs every form; the value is the last form's.</summary>
    public EvalResult Eval(string source, string file = "<repl>", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return OnEvaluationThread(() =>
        {
            var diagnostics = new List<Diagnostic>();
            if (ReadInto(source, file, diagnostics) is not { } read)
            {
                return new EvalResult(null, false, diagnostics, null);
            }

            var unit = pipeline.NewUnit(file);
            var ctx = pipeline.NewContext(ct);
            var (value, error) = Guard(() => pipeline.LoadUnit(read, unit, ctx), diagnostics);
            if (error is null && !diagnostics.Any(d => d.IsError))
            {
                Warn(Pipeline.UndefinedWarnings(unit), diagnostics);
                return new EvalResult(value, true, diagnostics, null);
            }

            return new EvalResult(null, false, diagnostics, error);
        });
    }

    /// <summary>
    /// Like <see cref="Eval(string, string, CancellationToken)"/>, with the request's own streams,
    /// source position and a callback after each top-level form. The engine's globals are shared;
    /// only the I/O is per request.
    /// </summary>
    public EvalResult Eval(EvalRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = Options with
        {
            Out = request.Out ?? Options.Out,
            Error = request.Error ?? Options.Error,
            In = request.In ?? Options.In,
        };
        // Blank lines and spaces put the code where it sits in the editor's file, so spans and
        // carets match without a reader option for a starting position.
        var source = new string('\n', Math.Max(0, request.Line - 1)) + new string(' ', Math.Max(0, request.Column - 1)) + request.Source;
        return OnEvaluationThread(() =>
        {
            // Registered again once the evaluation is over (spans and Var sources point into the
            // text as read until then): over what earlier evaluations of the file left.
            Sources.TryGet(request.File, out var under);
            try
            {
                return EvalRegion(request, source, options, ct);
            }
            finally
            {
                Sources.Add(request.File, SourceText.Overlay(under, source, request.Line));
            }
        });
    }

    private EvalResult EvalRegion(EvalRequest request, string source, EngineOptions options, CancellationToken ct)
    {
        var diagnostics = new List<Diagnostic>();
        if (ReadInto(source, request.File, diagnostics) is not { } read)
        {
            return new EvalResult(null, false, diagnostics, null);
        }

        var unit = pipeline.NewUnit(request.File);
        var ctx = new RunContext(globals, options, pipeline, ct);
        var (value, error) = Guard(
            () =>
            {
                object? last = null;
                foreach (var form in read.Forms)
                {
                    last = pipeline.EvalTopLevel(form, unit, ctx);
                    request.OnFormEvaluated?.Invoke(form, last);
                }

                return last;
            },
            diagnostics);
        if (error is null && !diagnostics.Any(d => d.IsError))
        {
            var warnings = Pipeline.UndefinedWarnings(unit);
            diagnostics.AddRange(warnings);
            return new EvalResult(value, true, diagnostics, null);
        }

        return new EvalResult(null, false, diagnostics, error);
    }

    /// <summary>Loads a program file and calls its -main; see <see cref="RunSource"/>.</summary>
    public RunResult RunFile(string path, IReadOnlyList<string> args, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception e) when (FileErrors.IsFileFailure(e))
        {
            var d = Diagnostic.Create(DiagnosticIds.IoError, null, "load", FileErrors.Describe("read", path, e));
            return new RunResult(1, false, [d], null);
        }

        return RunSource(source, path, args, ct);
    }

    /// <summary>
    /// Loads the program, writes a warning for each still-undefined global it refers to, then
    /// calls -main (if defined) with the arguments as strings. Exit code: -main's integer result
    /// (in SLisp also true → 1, false → 0), else 0; 1 on any error.
    /// </summary>
    public RunResult RunSource(string source, string file, IReadOnlyList<string> args, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(args);
        return OnEvaluationThread(() =>
        {
            var diagnostics = new List<Diagnostic>();
            if (ReadInto(source, file, diagnostics) is not { } read)
            {
                return new RunResult(1, false, diagnostics, null);
            }

            commandLineArgs.Value = args.Count == 0 ? null : PersistentList.CreateRange(args.Cast<object?>());
            var unit = pipeline.NewUnit(file);
            var ctx = pipeline.NewContext(ct);
            var (_, error) = Guard(() => pipeline.LoadUnit(read, unit, ctx), diagnostics);
            if (error is not null || diagnostics.Any(d => d.IsError))
            {
                return new RunResult(1, false, diagnostics, error);
            }

            Warn(Pipeline.UndefinedWarnings(unit), diagnostics);
            if (globals.Find(pipeline.CurrentNamespace.GlobalNameOf("-main")) is not { IsDefined: true, Value: var main })
            {
                return new RunResult(0, true, diagnostics, null);
            }

            var mainSpan = TopLevelLocation.OfMain(read);
            var (result, mainError) = Guard(() => TopLevelLocation.Run(mainSpan, () => CallMain(main, args, ctx)), diagnostics);
            if (mainError is not null || diagnostics.Any(d => d.IsError))
            {
                return new RunResult(1, false, diagnostics, mainError);
            }

            return new RunResult(ExitStatus(result, unit.Analyzer.Truthiness), true, diagnostics, null);
        });
    }

    /// <summary>
    /// The exit status for -main's result: an integer is the status. SLisp has C-like booleans
    /// (its seed's compiled `(> 5 3)` exits 1), so in that dialect true exits 1 and false 0;
    /// every other value exits 0.
    /// </summary>
    public static int ExitStatus(object? mainResult, Truthiness dialect) => mainResult switch
    {
        long code => unchecked((int)code),
        bool b when dialect == Truthiness.Slisp => b ? 1 : 0,
        _ => 0,
    };

    /// <summary>
    /// Collects a whole program for an ahead-of-time backend (Go, native, a persisted .NET
    /// build): reads, expands and analyzes every form, running only definitions (so macros work)
    /// with output discarded, and returns the program's forms plus exactly the prelude
    /// definitions they reach. Errors are diagnostics in the result, as everywhere.
    /// </summary>
    public static ProgramImage CollectProgram(string source, string file, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var collector = new ProgramCollector();
        var engine = new Engine((options ?? new EngineOptions()) with { Out = TextWriter.Null, CreateExecutionEngine = () => collector });
        return engine.OnEvaluationThread(() =>
        {
            var diagnostics = new List<Diagnostic>();
            var unit = engine.pipeline.NewUnit(file);
            if (engine.ReadInto(source, file, diagnostics) is not { } read)
            {
                return new ProgramImage([], [], unit.Analyzer.Truthiness, [], false, diagnostics) { Sources = engine.Sources };
            }

            var ctx = engine.pipeline.NewContext(CancellationToken.None);
            var (_, error) = Guard(() => engine.pipeline.LoadUnit(read, unit, ctx), diagnostics);
            if (error is not null || diagnostics.Any(d => d.IsError))
            {
                return new ProgramImage([], [], unit.Analyzer.Truthiness, [], false, diagnostics) { Sources = engine.Sources };
            }

            engine.Warn(Pipeline.UndefinedWarnings(unit), diagnostics);
            var (definitions, forms) = collector.Partition(engine.Definitions);
            // Loops, not LINQ over the references' value tuples: that generic code is not
            // precompiled (ReadyToRun) and was JIT-compiled on every zylisp compile.
            var uses = new List<RuntimeCompilerUse>();
            foreach (var f in definitions.Concat(forms))
            {
                foreach (var r in GlobalReferences.Of(f.Body))
                {
                    if (engine.Definitions.Of(r.Var) is null && ProgramImage.CompilerFunctions.Contains(r.Var.Name))
                    {
                        uses.Add(new RuntimeCompilerUse(r.Var.Name, r.Span));
                    }
                }
            }

            // (doc name): the text each constant name has now, after the definitions ran.
            var documented = new SortedSet<string>(StringComparer.Ordinal);
            var computedDocNames = new List<SourceSpan?>();
            foreach (var f in forms)
            {
                DocumentedNames.Collect(f.Body, documented, computedDocNames);
            }

            var documentation = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var name in documented)
            {
                documentation[name] = engine.Doc(name);
            }

            return new ProgramImage(definitions, forms, unit.Analyzer.Truthiness, uses, true, diagnostics)
            {
                MainName = engine.pipeline.CurrentNamespace.GlobalNameOf("-main"),
                Documentation = documentation,
                ComputedDocNames = computedDocNames,
                Sources = engine.Sources,
            };
        });
    }

    /// <summary>The core forms of a program after macro expansion. Definitions are evaluated (so later macros work); nothing else runs.</summary>
    public ExpandResult Expand(string source, string file = "<expr>")
    {
        ArgumentNullException.ThrowIfNull(source);
        return OnEvaluationThread(() =>
        {
            var diagnostics = new List<Diagnostic>();
            if (ReadInto(source, file, diagnostics) is not { } read)
            {
                return new ExpandResult([], false, diagnostics);
            }

            var unit = pipeline.NewUnit(file);
            var ctx = pipeline.NewContext(CancellationToken.None);
            var output = new List<object?>();
            var (_, error) = Guard(
                () =>
                {
                    foreach (var form in read.Forms)
                    {
                        output.Add(TopLevelLocation.Run(form, () => pipeline.ExpandTopLevel(form, unit, ctx)));
                    }

                    return null;
                },
                diagnostics);
            return new ExpandResult(output, error is null && !diagnostics.Any(d => d.IsError), diagnostics);
        });
    }

    /// <summary>
    /// The program after one pass of the pipeline (<see cref="Passes"/>), one top-level form per
    /// entry: "read", "expand" and "require" print forms, "analyze" the analyzed IR
    /// (<see cref="IrPrinter"/>), "lower" the lowered IR (<see cref="LoweredPrinter"/>). Like
    /// <see cref="Expand"/>, only definitions are evaluated. "execute" prints nothing, so asking
    /// for it is an error, like asking for an unknown pass.
    /// </summary>
    public ExpandResult DumpAfter(string pass, string source, string file = "<expr>")
    {
        ArgumentNullException.ThrowIfNull(pass);
        Func<TopLevel, string>? print = pass switch
        {
            "analyze" => top => IrPrinter.Print(top.Body),
            "lower" => top => LoweredPrinter.Print(Lowerer.Lower(top)),
            "read" or "expand" or "require" => null,
            _ => throw new ArgumentException(
                "no printable stage `" + pass + "`; the stages are read, expand, require, analyze and lower (execute prints nothing)", nameof(pass)),
        };
        if (pass == "read")
        {
            var read = pipeline.Read(source, file);
            return new ExpandResult(read.Forms, !read.HasErrors, read.Diagnostics);
        }

        var expanded = Expand(source, file);
        if (print is null || !expanded.Success)
        {
            return expanded;
        }

        return OnEvaluationThread(() =>
        {
            var diagnostics = new List<Diagnostic>(expanded.Diagnostics);
            var unit = pipeline.NewUnit(file);
            var printed = new List<object?>();
            Guard(
                () =>
                {
                    foreach (var form in expanded.Forms)
                    {
                        if (!Pipeline.TryDialect(form, unit) && !Namespaces.ModuleLoader.IsDirectiveForm(form))
                        {
                            printed.Add(print(pipeline.Analyze(form, unit)));
                        }
                    }

                    return null;
                },
                diagnostics);
            return new ExpandResult(printed, !diagnostics.Any(d => d.IsError), diagnostics);
        });
    }

    /// <summary>The documentation of a function, macro or special form, or null.</summary>
    public string? Doc(string name)
    {
        pipeline.Require(name);
        return Documentation.Lookup(globals, name);
    }

    /// <summary>Defines a global from the host (the REPL's *1 *2 *3 *e).</summary>
    public void SetGlobal(string name, object? value) => globals.Define(name, value);

    /// <summary>The global cell named <paramref name="name"/>, made unbound if it does not exist yet: what compiled code holds to read and define it.</summary>
    public Var GlobalVar(string name) => globals.Intern(name);

    /// <summary>The value of a defined global, or null.</summary>
    public object? GetGlobal(string name) => globals.Find(name) is { IsDefined: true } v ? v.Value : null;

    private object? CallMain(object? main, IReadOnlyList<string> args, RunContext ctx)
    {
        object?[] argv = [.. args];
        if (main is ZFunction function && argv.Length > 0 && !function.AcceptsArgumentCount(argv.Length))
        {
            // A -main that takes no parameters still runs when the command line has arguments;
            // they remain available as *command-line-args*.
            argv = [];
        }

        return Callables.Call(ctx, main, argv);
    }

    /// <summary>
    /// Installs the prelude lazily: its definitions are scanned now and each is read, expanded,
    /// analyzed and run when its name is first looked up (see <see cref="LazyPrelude"/>). A
    /// pipeline of its own keeps a nested load from touching the user form's expansion budget.
    /// </summary>
    private void LoadPrelude()
    {
        var prelude = new LazyPrelude(PreludeSource.Text, globals, new Pipeline(globals, Definitions, Options, Sources, executor));
        prelude.Pipeline.UseDefinitions(prelude);
        pipeline.UseDefinitions(prelude);
        globals.Advertise(prelude);
    }

    /// <summary>Reads the source and records its diagnostics; null when it has errors, so nothing runs.</summary>
    private ReadResult? ReadInto(string source, string file, List<Diagnostic> diagnostics)
    {
        var read = pipeline.Read(source, file);
        diagnostics.AddRange(read.Diagnostics);
        return read.HasErrors ? null : read;
    }

    private void Warn(List<Diagnostic> warnings, List<Diagnostic> diagnostics)
    {
        // Required files' warnings first: they were loaded before the rest of the unit ran.
        warnings.InsertRange(0, pipeline.NestedWarnings);
        pipeline.NestedWarnings.Clear();
        diagnostics.AddRange(warnings);
        if (Options.WriteWarnings && warnings.Count > 0)
        {
            var formatter = new DiagnosticFormatter(Sources, new DiagnosticFormatOptions { ShowHelp = false });
            foreach (var w in warnings)
            {
                Options.Error.Write(formatter.Format(w));
            }
        }
    }

    /// <summary>Runs one phase, turning every failure into a diagnostic; returns the value or the thrown Zylisp value.</summary>
    private static (object? Value, object? Error) Guard(Func<object?> action, List<Diagnostic> diagnostics)
    {
        try
        {
            return (action(), null);
        }
        catch (ExpansionException e)
        {
            diagnostics.Add(e.Diagnostic);
        }
        catch (AnalysisException e)
        {
            diagnostics.Add(e.Diagnostic);
        }
        catch (ZylispException e)
        {
            diagnostics.Add(RuntimeDiagnostic(e));
            return (null, e.Value);
        }
        catch (OperationCanceledException e)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticIds.Interrupted, (e as LocatedInterrupt)?.Span));
        }
        catch (OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticIds.OutOfMemory, null, RuntimeErrors.RuntimeOutOfMemory));
        }
        catch (Exception e) when (e is InsufficientExecutionStackException or InvalidCastException or ArgumentException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException or OverflowException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticIds.HostError, null, e.GetType().Name + ": " + e.Message));
        }

        return (null, null);
    }

    private static Diagnostic RuntimeDiagnostic(ZylispException e)
    {
        var trace = e.Trace.ToList();
        if (e.OmittedFrames > 0)
        {
            trace.Add(new ZylispStackFrame($"... {e.OmittedFrames} more frames (repeated or beyond the limit)", null));
        }

        var (id, args) = e.Value switch
        {
            ErrorValue { DiagnosticId: { } runtimeId } error => (runtimeId, error.Args),
            ErrorValue user => (DiagnosticIds.UncaughtThrow, (IReadOnlyList<object?>)[user.Message + (user.Data.Count > 0 ? " " + Printer.PrStr(user.Data) : "")]),
            var other => (DiagnosticIds.UncaughtThrow, [Printer.PrStr(other)]),
        };
        var descriptor = DiagnosticCatalog.Get(id);
        return new Diagnostic(id, descriptor.Severity, descriptor.Phase, e.Origin, args) { StackTrace = trace };
    }

    /// <summary>Runs Zylisp code on a thread with a large stack, rethrowing host bugs on the caller's thread.</summary>
    private T OnEvaluationThread<T>(Func<T> work)
    {
        if (Options.EvaluateOnCallingThread)
        {
            return work();
        }

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        void Run()
        {
            try
            {
                result = work();
            }
#pragma warning disable CA1031 // Any host failure is rethrown on the calling thread below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }

        // The engine's own thread when it is free; a thread of this evaluation's own when it is
        // not (a second caller, or an evaluation that evaluates again).
        if (!evaluationThread.TryRun(Run))
        {
            LargeStackThread.Start(Run, Options.Limits.EvaluationStackBytes).Join();
        }

        failure?.Throw();
        return result;
    }
}
