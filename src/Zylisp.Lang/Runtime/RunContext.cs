using System.Runtime.CompilerServices;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// The services the core library needs from the engine that runs it (eval, macroexpand,
/// load-file, doc). Implemented by the engine's pipeline, so the runtime never depends on it.
/// </summary>
internal interface IHostServices
{
    object? EvalForm(RunContext ctx, object? form);

    object? MacroExpand(RunContext ctx, object? form, bool once);

    object? LoadFile(RunContext ctx, string path);

    object? ReadString(string text);

    string? Doc(string name);

    /// <summary>The execution engine's tier compiler when it tiers (see <see cref="ITierCompiler"/>), else null.</summary>
    ITierCompiler? TierCompiler { get; }
}

/// <summary>
/// Everything a running program needs that is not in its frames: the globals, output, limits,
/// the cancellation token, the call depth, and the pending tail call. One per evaluation,
/// passed explicitly (never a static), so engines are independent.
/// </summary>
public sealed class RunContext
{
    internal RunContext(GlobalEnvironment globals, EngineOptions options, IHostServices host, CancellationToken cancellation)
    {
        Globals = globals;
        Options = options;
        Host = host;
        Cancellation = cancellation;
        MaxCallDepth = options.Limits.MaxCallDepth;
    }

    public GlobalEnvironment Globals { get; }

    public EngineOptions Options { get; }

    /// <summary>Where print and println write: the innermost running <c>with-out-str</c>'s buffer, else the engine's output.</summary>
    public TextWriter Out => capturedOutput ?? Options.Out;

    /// <summary>The buffer of the innermost running <see cref="CaptureOutput"/>; null when none runs.</summary>
    private StringWriter? capturedOutput;

    /// <summary>
    /// Runs <paramref name="body"/> with <see cref="Out"/> writing to a new buffer and returns
    /// what it wrote (<c>with-out-str</c>). The previous output comes back however the body ends,
    /// so a throw does not leave the program printing into a buffer nobody reads, and an inner
    /// capture's text never reaches an outer one.
    /// </summary>
    internal string CaptureOutput(Action body)
    {
        var saved = capturedOutput;
        var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        capturedOutput = buffer;
        try
        {
            body();
        }
        finally
        {
            capturedOutput = saved;
        }

        return buffer.ToString();
    }

    public CancellationToken Cancellation { get; }

    internal IHostServices Host { get; }

    internal readonly int MaxCallDepth;

    /// <summary>Current depth of non-tail Zylisp calls; a <c>try</c> saves it and restores it when it catches.</summary>
    public int Depth => depth;

    internal int depth;

    /// <summary>The callee and arguments of the pending tail call (see <see cref="TailCallMarker"/>).</summary>
    internal ZFunction? TailFn;
    internal object?[]? TailArgs;

    /// <summary>
    /// What a function returns instead of a value when its tail call is pending in this context
    /// (<see cref="RuntimeApi.TailCall"/>); <see cref="CompleteCall"/> runs it.
    /// </summary>
    public static object TailCallMarker => Markers.TailCall;

    /// <summary>True when a function's result is <see cref="TailCallMarker"/>.</summary>
    public static bool IsTailCall(object? result) => ReferenceEquals(result, Markers.TailCall);

    /// <summary>Restores the call depth saved at a <c>try</c> (see <see cref="RuntimeApi.Caught"/>).</summary>
    public void RestoreDepth(int saved) => depth = saved;

    private Interpreter.Frame?[] framePool = new Interpreter.Frame?[64];

    /// <summary>
    /// The frame for a call running at the current depth, reused from the last call at this depth
    /// so calls do not allocate; its slots may hold stale values, which the analyzer guarantees
    /// are written before they are read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Interpreter.Frame FrameFor(int frameSize, Interpreter.Closure self)
    {
        var pool = framePool;
        int depth = this.depth;
        if ((uint)depth < (uint)pool.Length && pool[depth] is { } frame && frame.Slots.Length >= frameSize)
        {
            // Skipping the store when unchanged (recursion) saves a GC write barrier.
            if (!ReferenceEquals(frame.Self, self))
            {
                frame.Self = self;
            }

            return frame;
        }

        return NewPooledFrame(frameSize, self);
    }

    private Interpreter.Frame NewPooledFrame(int frameSize, Interpreter.Closure self)
    {
        if (depth >= framePool.Length)
        {
            Array.Resize(ref framePool, Math.Max(framePool.Length * 2, depth + 1));
        }

        var frame = new Interpreter.Frame(new Interpreter.Slot[Math.Max(frameSize, 4)], self, this);
        framePool[depth] = frame;
        return frame;
    }

    /// <summary>Calls left before the next cancellation check on function entry.</summary>
    private int callsUntilCancellationCheck = CancellationCheckInterval;

    private const int CancellationCheckInterval = 256;

    /// <summary>
    /// Called on every non-tail function entry, before the body runs: enforces the depth limit
    /// (raising the stack-overflow error naming <paramref name="function"/>) and the host stack,
    /// and polls for an interrupt every few hundred calls. Pair with <see cref="CompleteCall"/> or <see cref="Leave"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter(string function)
    {
        if (++depth > MaxCallDepth || ((depth & 31) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            depth--;
            throw RuntimeErrors.StackOverflow(function, MaxCallDepth, null);
        }

        if (--callsUntilCancellationCheck == 0)
        {
            PollCancellation();
        }
    }

    private void PollCancellation()
    {
        callsUntilCancellationCheck = CancellationCheckInterval;
        if (Cancellation.IsCancellationRequested)
        {
            depth--;
            Cancellation.ThrowIfCancellationRequested();
        }

        try
        {
            MemoryGuard.Check(this);
        }
        catch (ZylispException)
        {
            depth--;
            throw;
        }
    }

    /// <summary>
    /// Throws <see cref="OperationCanceledException"/> when an interrupt was requested. Compiled
    /// loops call it on their back edges (the interpreter's loops do the same), so Ctrl+C and the
    /// nREPL interrupt stop code that makes no calls.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PollInterrupt()
    {
        if (Cancellation.IsCancellationRequested)
        {
            Cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Undoes <see cref="Enter"/> when a call returns normally.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Leave() => depth--;

    /// <summary>Ends a non-tail call: runs its pending tail calls (if <paramref name="result"/> is the marker), then leaves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? CompleteCall(object? result)
    {
        if (ReferenceEquals(result, Markers.TailCall))
        {
            result = RunTailCalls();
        }

        depth--;
        return result;
    }

    /// <summary>Runs pending tail calls until one returns a value.</summary>
    public object? RunTailCalls()
    {
        object? result;
        do
        {
            var fn = TailFn!;
            var args = TailArgs!;
            TailFn = null;
            TailArgs = null;
            if (Cancellation.IsCancellationRequested)
            {
                Cancellation.ThrowIfCancellationRequested();
            }

            result = fn.InvokeStep(this, args);
        }
        while (ReferenceEquals(result, Markers.TailCall));

        return result;
    }
}
