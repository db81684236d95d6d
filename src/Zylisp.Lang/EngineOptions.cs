namespace Zylisp.Lang;

/// <summary>One options object for an engine's I/O and limits.</summary>
public sealed record EngineOptions
{
    // The defaults are read when first needed, not at construction: an initializer would create
    // Console.Out and Console.Error (encodings, console streams) on every start even when the host,
    // like the CLI, supplies its own writers.
    private readonly TextWriter? output;
    private readonly TextWriter? error;
    private readonly TextReader? input;

    /// <summary>Where Zylisp output goes; <see cref="Console.Out"/> unless set.</summary>
    public TextWriter Out { get => output ?? Console.Out; init => output = value; }

    /// <summary>Where warnings and error output go; <see cref="Console.Error"/> unless set.</summary>
    public TextWriter Error { get => error ?? Console.Error; init => error = value; }

    /// <summary>What read-line reads; <see cref="Console.In"/> unless set.</summary>
    public TextReader In { get => input ?? Console.In; init => input = value; }

    public RuntimeLimits Limits { get; init; } = new();

    /// <summary>
    /// Write warnings (such as undefined globals after a file loads) to <see cref="Error"/> as they
    /// happen, so they appear before the program's output. They are also in the result's diagnostics.
    /// </summary>
    public bool WriteWarnings { get; init; } = true;

    /// <summary>
    /// Run Zylisp code on the calling thread instead of a new thread per call. Only for hosts that
    /// call the engine from a thread they created with <see cref="RuntimeLimits.EvaluationStackBytes"/>
    /// of stack (the nREPL worker's session threads), so the call-depth limit still decides.
    /// </summary>
    public bool EvaluateOnCallingThread { get; init; }

    /// <summary>
    /// Makes the execution engine that runs each analyzed top-level form (the backend seam);
    /// the interpreter when unset. Called once per <see cref="Engine"/>, so engines never share one.
    /// </summary>
    public Func<IExecutionEngine>? CreateExecutionEngine { get; init; }

    /// <summary>
    /// Qualified names the target resolves itself: the go target accepts Go package functions, so
    /// <c>fmt/Println</c> reaches it as the global <c>fmt/Println</c> instead of an unknown-namespace
    /// error. Null everywhere else, where such a name is ZL3011 naming the engine.
    /// </summary>
    public Func<string, string, bool>? ForeignQualifiedNames { get; init; }

    /// <summary>The engine or target named in errors about what it cannot run; the execution engine's name when unset.</summary>
    public string? TargetName { get; init; }

    /// <summary>
    /// Source roots <c>require</c> searches for a namespace's file, after the main file's own root
    /// (docs/design/namespaces.md). Null means the ZYLISP_PATH environment variable's list; the
    /// current directory is always searched last.
    /// </summary>
    public IReadOnlyList<string>? SourcePaths { get; init; }

    /// <summary>Load the Zylisp prelude (macros such as defn, when, cond). Off only for tests of the bare core.</summary>
    public bool LoadPrelude { get; init; } = true;
}

/// <summary>
/// Every limit of the language core, checked in one place each: the call depth in
/// <c>RunContext.Enter</c>, macro expansions, expansion size and form depth in the expander, read
/// depth and source size in the reader, print depth and length in the printer, the error count in
/// the diagnostic formatter, memory in <c>MemoryGuard</c>. docs/language.md lists them with their defaults.
/// </summary>
public sealed record RuntimeLimits
{
    /// <summary>Deepest non-tail call nesting before a `stack overflow` error. Tail calls do not count.</summary>
    public int MaxCallDepth { get; init; } = 10_000;

    /// <summary>Deepest nesting of brackets the reader accepts.</summary>
    public int MaxReadDepth { get; init; } = 1_000;

    /// <summary>Macro expansions allowed while expanding one top-level form.</summary>
    public int MaxMacroExpansions { get; init; } = 100_000;

    /// <summary>
    /// Deepest nesting of macros running inside macros (a macro whose code evals or macroexpands a
    /// form that calls another macro, and so on). Past it the expansion is error ZL2001.
    /// </summary>
    public int MaxMacroNesting { get; init; } = 200;

    /// <summary>
    /// Deepest nesting of a form after macro expansion. The reader caps what is written; this caps
    /// what macros build, so the passes after expansion (which recurse) never exhaust the host stack.
    /// </summary>
    public int MaxFormDepth { get; init; } = 10_000;

    /// <summary>Host stack size of the thread that runs Zylisp code; large so MaxCallDepth is reachable.</summary>
    public int EvaluationStackBytes { get; init; } = 512 * 1024 * 1024;

    /// <summary>
    /// Most nodes (atoms and collections) one top-level form may grow to during macro expansion. The
    /// expansion count alone does not stop a macro whose output doubles each step.
    /// </summary>
    public int MaxExpansionSize { get; init; } = 1_000_000;

    /// <summary>Deepest collection nesting printed; deeper collections print as <c>#</c> (Clojure's <c>*print-level*</c>).</summary>
    public int MaxPrintDepth { get; init; } = 10_000;

    /// <summary>Most items printed per collection; the rest print as <c>...</c> (Clojure's <c>*print-length*</c>).</summary>
    public int MaxPrintLength { get; init; } = 1_000_000;

    /// <summary>Largest source text, in characters, the reader accepts (one file, one REPL entry, one eval).</summary>
    public int MaxSourceLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>Most errors reported in full from one read; the rest are counted in a last "N more errors" line.</summary>
    public int MaxReportedErrors { get; init; } = 20;

    /// <summary>
    /// Managed heap, in bytes, a program may use before it fails with ZL5015 "out of memory"; 0
    /// derives it from the machine (see <c>MemoryGuard</c>): three quarters of the memory the GC may use.
    /// </summary>
    public long MaxMemoryBytes { get; init; }
}
