using System.Text;
using System.Text.RegularExpressions;
using Zylisp.Compiler.Native.Jit;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native;

/// <summary>
/// The <c>native</c> execution engine of an incremental session (the REPL, nREPL sessions,
/// multi-form <c>eval</c>): each top-level form the front end hands over is compiled, with the
/// prelude definitions it newly reaches, into a chunk of machine code that links against what the
/// session already loaded, and runs in this process (docs/design/native-sessions.md).
/// The front end still needs macros as .NET values, so prelude definitions and user macros are
/// also run on the interpreter; other user definitions run natively only.
/// </summary>
public sealed class NativeEngine : IExecutionEngine, IDisposable
{
    private static readonly Keyword MacroKey = Keyword.Of("macro");

    private readonly InterpreterEngine interpreter = new();
    private readonly NativeOptions options;
    private readonly List<TopLevel> prelude = [];
    private readonly Dictionary<string, int> preludeIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> compiledNatively = new(StringComparer.Ordinal);
    private readonly bool testHooks;
    private readonly SiteSpans sites = new();
    private NativeSession? session;

    /// <param name="testHooks">
    /// Defines <see cref="TestCrashName"/>, whose call runs generated code that writes to address 0:
    /// how the nREPL's fault tests crash a worker in native code. Never on outside tests.
    /// </param>
    /// <param name="args">What <c>*command-line-args*</c> holds (nil when empty), as <c>zylisp run</c>'s arguments.</param>
    public NativeEngine(NativeOptions? options = null, bool testHooks = false, IReadOnlyList<string>? args = null)
    {
        this.options = options ?? NativeOptions.Default;
        this.testHooks = testHooks;
        this.args = args ?? [];
    }

    private readonly IReadOnlyList<string> args;

    /// <summary>The test hook's name: <c>(__native-test-crash)</c> as a whole top-level form.</summary>
    public const string TestCrashName = "__native-test-crash";

    public string Name => ProgramCollector.TargetName;

    public object? Execute(TopLevel form, RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(ctx);
        if (CoreSource.IsPrelude(form.Body.Span))
        {
            foreach (var name in DefinedNames(form))
            {
                preludeIndex[name] = prelude.Count;
            }

            prelude.Add(form);
            return interpreter.Execute(form, ctx);
        }

        if (form.Body is DefNode { Meta: var meta } && meta.Get(MacroKey) is true)
        {
            return interpreter.Execute(form, ctx);
        }

        var loaded = session ??= Start();
        if (testHooks && form.Body is InvokeNode { Fn: GlobalRefNode { Var.Name: TestCrashName } })
        {
            loaded.CrashForTest();
        }

        var forms = new List<LTopLevel>();
        foreach (var definition in ReachedPrelude(form))
        {
            forms.Add(Lowerer.Lower(definition));
        }

        foreach (var table in SessionDocumentation(form, ctx))
        {
            forms.Add(Lowerer.Lower(table));
        }

        forms.Add(Lowerer.Lower(form));
        sites.Add(form.Body);
        ChunkOutcome outcome;
        try
        {
            outcome = loaded.Run(forms, ctx.Options.Out, ctx.Options.Error, ctx.Cancellation);
        }
        catch (NativeCompileException e)
        {
            throw e.Reason is null
                ? RuntimeErrors.Create(DiagnosticIds.NativeUnsupported, "unsupported", e.Span, e.Construct)
                : RuntimeErrors.Create(DiagnosticIds.NativeRefused, "unsupported", e.Span, e.Reason);
        }

        MarkDefined(form.Body);
        try
        {
            return Result(loaded, outcome, form.Body.Span, sites);
        }
        catch (ZylispException e) when (e.AddFrame("<top-level>", form.Body.Span))
        {
            throw;
        }
    }

    public void Dispose() => session?.Dispose();

    /// <summary>The runtime, then the whole Zylisp-written library (docs/design/native-library.md) in one chunk.</summary>
    private NativeSession Start()
    {
        var started = new NativeSession(options);
        try
        {
            var image = Engine.CollectProgram(NativeLibrary.Source(), NativeLibrary.FileName, new EngineOptions { TargetName = ProgramCollector.TargetName, WriteWarnings = false });
            if (!image.Success)
            {
                throw new InvalidOperationException("the native library does not compile: " +
                    string.Join("; ", image.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
            }

            var runtime = RuntimeLibraryNames();
            var library = image.Definitions.Concat(image.Forms)
                .Where(f => DefinedNames(f) is var names && (names.Count == 0 || !names.All(runtime.Contains)))
                .ToList();
            foreach (var form in library)
            {
                compiledNatively.UnionWith(DefinedNames(form));
            }

            var outcome = started.Run([.. library.Select(Lowerer.Lower)], TextWriter.Null, TextWriter.Null, CancellationToken.None);
            if (outcome.Status != ChunkStatus.Returned)
            {
                throw new InvalidOperationException("the native library failed to load: " + (outcome.Error?.Message ?? outcome.Text));
            }

            started.SetCommandLineArguments(args);

            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    // The typed runtime routines (the printer) are in the runtime chunk already, as routines.
    private static IReadOnlySet<string> RuntimeLibraryNames() => Emit.RuntimeLibrary.Names.Union(Emit.TypedRoutines.Names).ToHashSet(StringComparer.Ordinal);

    /// <summary>The %documentation table for the names the form documents, from the session's front end (NativeDocumentation).</summary>
    private static IReadOnlyList<TopLevel> SessionDocumentation(TopLevel form, RunContext ctx)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var computed = new List<SourceSpan?>();
        DocumentedNames.Collect(form.Body, names, computed);
        if (computed.Count > 0)
        {
            throw RuntimeErrors.Create(DiagnosticIds.NativeUnsupported, "unsupported", computed[0],
                "`doc` of a name computed at run time (a native program embeds the documentation of the names written in it)");
        }

        var documentation = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            documentation[name] = RuntimeApi.Documentation(ctx, name);
        }

        return NativeDocumentation.Table(documentation);
    }

    /// <summary>The prelude definitions <paramref name="form"/> reaches that no chunk has compiled yet, in load order.</summary>
    private List<TopLevel> ReachedPrelude(TopLevel form)
    {
        var reached = new SortedSet<int>();
        var pending = new Stack<TopLevel>([form]);
        while (pending.TryPop(out var next))
        {
            foreach (var (global, _) in GlobalReferences.Of(next.Body))
            {
                var name = NativeLibrary.GlobalName(global.Name);
                if (!compiledNatively.Contains(name) && preludeIndex.TryGetValue(name, out var index) && reached.Add(index))
                {
                    pending.Push(prelude[index]);
                }
            }
        }

        var forms = reached.Select(i => prelude[i]).ToList();
        foreach (var definition in forms)
        {
            compiledNatively.UnionWith(DefinedNames(definition));
        }

        return forms;
    }

    /// <summary>
    /// The front end's view of a native definition: the global is defined (so analysis and
    /// completion know it), its value a stand-in, since the real one lives in the native heap.
    /// </summary>
    private static void MarkDefined(Node body)
    {
        foreach (var def in Definitions(body))
        {
            RuntimeApi.Define(def.Var, true, new NativeGlobal(def.Var.Name), def.Meta);
        }
    }

    private static IEnumerable<DefNode> Definitions(Node body) => body switch
    {
        DefNode def => [def],
        DoNode block => block.Statements.Append(block.Result).OfType<DefNode>(),
        _ => [],
    };

    private static HashSet<string> DefinedNames(TopLevel form) =>
        Definitions(form.Body).Select(d => NativeLibrary.GlobalName(d.Var.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The form's value as the host sees it, or its error as the interpreter reports it.</summary>
    private static NativeValue Result(NativeSession loaded, ChunkOutcome outcome, SourceSpan? formSpan, SiteSpans sites)
    {
        if (outcome.Interrupted)
        {
            throw new OperationCanceledException("the native evaluation was interrupted");
        }

        return outcome.Status switch
        {
            ChunkStatus.Returned => new NativeValue(RenderLater(loaded), outcome.StringValue),
            ChunkStatus.Ended => throw RuntimeErrors.Create(DiagnosticIds.OutOfMemory, "out-of-memory", formSpan, "the native heap could not grow; this session's native state is gone"),
            _ => throw Thrown(outcome, formSpan, sites),
        };
    }

    /// <summary>
    /// The host exception for what a chunk threw. A value the program threw itself (ex-info or any
    /// other value) is placed at the top-level form: native code records where ex-info made the
    /// error, not where throw threw it, which is what the interpreter names.
    /// </summary>
    /// <summary>Renders the value when the host first prints it; a value printed after later evaluations can no longer be reached.</summary>
    private static Func<string> RenderLater(NativeSession loaded)
    {
        var generation = loaded.Generation;
        return () => loaded.Render(generation) ?? "#<native value of an earlier evaluation>";
    }

    private static ZylispException Thrown(ChunkOutcome outcome, SourceSpan? formSpan, SiteSpans sites)
    {
        if (outcome.Error is not { } error)
        {
            var text = outcome.Text ?? "#<unprintable>";
            return new ZylispException(new NativeValue(() => text, null));
        }

        if (error.Type == "ex-info" || error.Id is null)
        {
            var data = error.DataText is null or "{}" or "nil" ? "" : " " + error.DataText;
            return new ZylispException(new ErrorValue(error.Message + data, Keyword.Of(error.Type ?? "ex-info"), null, formSpan));
        }

        var span = error.Site is null ? null : sites.Find(error.Site) ?? SpanOf(error.Site);

        return ArgumentsOf(error.Id, error.Message) is { } args
            ? RuntimeErrors.Create(error.Id, error.Type ?? "error", span, args)
            : new ZylispException(new ErrorValue(error.Message, Keyword.Of(error.Type ?? "error"), null, span, null));
    }

    /// <summary>
    /// The catalogue arguments that make <paramref name="message"/> from the id's message format:
    /// the native runtime builds the whole text, the host's diagnostics want the pieces.
    /// </summary>
    private static object?[]? ArgumentsOf(string id, string message)
    {
        if (!DiagnosticCatalog.TryGet(id, out var descriptor))
        {
            return null;
        }

        var pattern = new StringBuilder("^");
        var format = descriptor.MessageFormat;
        var count = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 2 < format.Length && char.IsAsciiDigit(format[i + 1]) && format[i + 2] == '}')
            {
                pattern.Append("(?<a").Append(format[i + 1]).Append(">.*?)");
                count = Math.Max(count, format[i + 1] - '0' + 1);
                i += 2;
            }
            else
            {
                pattern.Append(Regex.Escape(format[i].ToString()));
            }
        }

        var match = Regex.Match(message, pattern.Append('$').ToString(), RegexOptions.Singleline);
        if (!match.Success)
        {
            return null;
        }

        var args = new object?[count];
        for (var i = 0; i < count; i++)
        {
            args[i] = match.Groups["a" + i].Success ? match.Groups["a" + i].Value : "";
        }

        return args;
    }

    /// <summary>A span from an error site's "file:line:col" (the file may itself hold colons).</summary>
    private static SourceSpan? SpanOf(string? site)
    {
        if (site is null)
        {
            return null;
        }

        var column = site.LastIndexOf(':');
        var line = column > 0 ? site.LastIndexOf(':', column - 1) : -1;
        if (line <= 0 || !int.TryParse(site.AsSpan(line + 1, column - line - 1), out var l) || !int.TryParse(site.AsSpan(column + 1), out var c))
        {
            return null;
        }

        return new SourceSpan(site[..line], l, c, l, c + 1, 0, 0);
    }
}

/// <summary>
/// A value of a native session as the host sees it (the value itself lives in the native heap):
/// printed on demand by the session's printer, so a lazy sequence nobody prints is not realized;
/// a string's characters are known at once, for non-readable printing.
/// </summary>
public sealed class NativeValue(Func<string> render, string? text) : IZylispPrintable
{
    private string? readable;

    /// <summary>The value as pr-str prints it (rendered on first use).</summary>
    public string Readable => readable ??= render();

    public void Print(StringBuilder sb, bool readably)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append(readably || text is null ? Readable : text);
    }

    public override string ToString() => text ?? Readable;
}

/// <summary>The front end's stand-in for a global a native chunk defined: its value lives in the native heap.</summary>
public sealed class NativeGlobal(string name) : IZylispPrintable
{
    public string Name { get; } = name;

    public void Print(StringBuilder sb, bool readably)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append("#<native ").Append(Name).Append('>');
    }
}
