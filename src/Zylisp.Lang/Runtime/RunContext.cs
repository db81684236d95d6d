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

    public TextWriter Out => Options.Out;

    public CancellationToken Cancellation { get; }

    internal IHostServices Host { get; }

    internal readonly int MaxCallDepth;

    /// <summary>Current depth of non-tail Zylisp calls.</summary>
    internal int Depth;

    /// <summary>The callee and arguments of the pending tail call (see <see cref="Markers.TailCall"/>).</summary>
    internal ZFunction? TailFn;
    internal object?[]? TailArgs;

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
        int depth = Depth;
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
        if (Depth >= framePool.Length)
        {
            Array.Resize(ref framePool, Math.Max(framePool.Length * 2, Depth + 1));
        }

        var frame = new Interpreter.Frame(new Interpreter.Slot[Math.Max(frameSize, 4)], self, this);
        framePool[Depth] = frame;
        return frame;
    }

    /// <summary>Calls left before the next cancellation check on function entry.</summary>
    private int callsUntilCancellationCheck = CancellationCheckInterval;

    private const int CancellationCheckInterval = 256;

    /// <summary>Called on every non-tail function entry: enforces the depth limit and the host stack, and polls cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Enter(string function)
    {
        if (++Depth > MaxCallDepth || ((Depth & 31) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            Depth--;
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
            Depth--;
            Cancellation.ThrowIfCancellationRequested();
        }

        try
        {
            MemoryGuard.Check(this);
        }
        catch (ZylispException)
        {
            Depth--;
            throw;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Leave() => Depth--;

    /// <summary>Runs pending tail calls until one returns a value.</summary>
    internal object? RunTailCalls()
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
