using Zylisp.Lang;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Repl.Workers;

/// <summary>
/// One nREPL session inside a worker: its own engine (so its own globals), its *1 *2 *3 *e, its
/// standard input, and one thread that runs its evals in order. Engines of different sessions
/// share nothing, so sessions on one worker evaluate concurrently.
/// </summary>
internal sealed class WorkerSession : IDisposable
{
    private readonly WorkQueue queue = new();
    private readonly Thread thread;
    private object? value1;
    private object? value2;
    private CancellationTokenSource? running;
    private string? runningId;
    private readonly object gate = new();

    public WorkerSession(string id, string engine)
    {
        Id = id;
        var options = new EngineOptions
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            In = Input,
            WriteWarnings = false,
            EvaluateOnCallingThread = true,
            CreateExecutionEngine = EngineKinds.ExecutorFor(engine) is { } create ? () => Executor = create() : null,
        };
        Engine = new Engine(options);
        EngineName = Executor?.Name ?? EngineKinds.Interpreter;
        if (WorkerTestHooks.Enabled)
        {
            WorkerTestHooks.Install(Engine);
        }
        foreach (var name in new[] { "*1", "*2", "*3", "*e" })
        {
            Engine.SetGlobal(name, null);
        }

        // Evals run on this thread, which has the engine's large stack, instead of a new thread each.
        thread = LargeStackThread.Start(Loop, options.Limits.EvaluationStackBytes, "session " + id, isBackground: true);
    }

    public string Id { get; }

    public Engine Engine { get; }

    /// <summary>The name of the execution engine really in use, as it reports it.</summary>
    public string EngineName { get; }

    private IExecutionEngine? Executor { get; set; }

    public SessionInput Input { get; } = new();

    /// <summary>Queues work on the session's thread (evals run one at a time, in arrival order).</summary>
    public void Post(Action work) => queue.Add(work);

    /// <summary>Cancels the running eval if it is <paramref name="evalId"/> (or any, when null); false when idle.</summary>
    public bool Interrupt(string? evalId)
    {
        lock (gate)
        {
            if (running is null || (evalId is not null && evalId != runningId))
            {
                return false;
            }

            running.Cancel();
            return true;
        }
    }

    /// <summary>
    /// Evaluates on the calling (session) thread. Definitions that ran are reported through
    /// <paramref name="journal"/> as their source text, for the server to replay after a crash.
    /// </summary>
    public EvalOutcome Eval(string evalId, EvalRequest request, bool recordResults, Action<string> journal)
    {
        using var cts = new CancellationTokenSource();
        lock (gate)
        {
            running = cts;
            runningId = evalId;
        }

        Input.Cancellation = cts.Token;
        var values = new List<object?>();
        var pad = Padding(request);
        try
        {
            var result = Engine.Eval(
                request with
                {
                    In = Input,
                    OnFormEvaluated = (form, value) =>
                    {
                        values.Add(value);
                        request.OnFormEvaluated?.Invoke(form, value);
                        if (IsDefinition(form) && form is IHasSpan { Span: { } span } && span.StartOffset >= pad && span.EndOffset - pad <= request.Source.Length)
                        {
                            journal(request.Source[(span.StartOffset - pad)..(span.EndOffset - pad)]);
                        }
                    },
                },
                cts.Token);
            if (recordResults)
            {
                if (result.Success)
                {
                    Engine.SetGlobal("*3", value2);
                    Engine.SetGlobal("*2", value1);
                    Engine.SetGlobal("*1", result.Value);
                    (value2, value1) = (value1, result.Value);
                }
                else
                {
                    Engine.SetGlobal("*e", result.Error);
                }
            }

            return new EvalOutcome(EvalReport.From(result, values, "", "", Engine.Sources), cts.IsCancellationRequested);
        }
        finally
        {
            lock (gate)
            {
                running = null;
                runningId = null;
            }
        }
    }

    /// <summary>
    /// The engine places a request's source at its line and column by padding it, so the spans of
    /// its forms are offsets into the padded text; this is the padding's length.
    /// </summary>
    private static int Padding(EvalRequest request) => Math.Max(0, request.Line - 1) + Math.Max(0, request.Column - 1);

    /// <summary>Whether only whitespace follows <paramref name="form"/> in the request's source (no further form can run).</summary>
    public static bool IsLastForm(EvalRequest request, object? form) =>
        form is IHasSpan { Span: { } span } && span.EndOffset - Padding(request) is var end && end >= 0 && end <= request.Source.Length
        && request.Source.AsSpan(end).IsWhiteSpace();

    /// <summary>A top-level form a restarted session needs again: def, defn, defmacro, defonce, ...</summary>
    private static bool IsDefinition(object? form) =>
        form is PersistentList { First: Symbol { Namespace: null, Name: var head } } && head.StartsWith("def", StringComparison.Ordinal);

    private void Loop()
    {
        while (queue.Take() is { } work)
        {
            work();
        }

        // On this thread, after the last eval: a native session's code and data go with it.
        (Executor as IDisposable)?.Dispose();
    }

    public void Dispose()
    {
        Interrupt(null);
        queue.Complete();
    }
}

/// <summary>An eval's report plus whether it was interrupted.</summary>
internal sealed record EvalOutcome(EvalReport Report, bool Interrupted);
