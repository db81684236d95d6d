using System.Runtime.CompilerServices;
using Zylisp.Cli.CommandLine;
using Zylisp.Compiler.Clr;
using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;
using Zylisp.Lang.Runtime;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// The one place the CLI creates an engine, so every command gets the same I/O wiring. The engine
/// runs Zylisp code on its own large-stack thread and writes warnings as they happen (before the
/// program's output they concern); the CLI reports the errors it returns.
/// </summary>
internal static class EngineHost
{
    /// <param name="evaluateOnCallingThread">
    /// True for a caller that runs on a thread of <see cref="RuntimeLimits.EvaluationStackBytes"/>
    /// (<see cref="LargeStackThread.Run"/>): the engine then evaluates there instead of handing each
    /// form to its own thread and back.
    /// </param>
    public static Engine Create(StandardStreams streams, EngineChoice engine = EngineChoice.Interp, bool evaluateOnCallingThread = false) => engine switch
    {
        EngineChoice.Il => new(new EngineOptions { Out = streams.Out, Error = streams.Error, EvaluateOnCallingThread = evaluateOnCallingThread, CreateExecutionEngine = static () => new IlEngine() }),
        EngineChoice.Tiered => new(new EngineOptions
        {
            Out = streams.Out,
            Error = streams.Error,
            EvaluateOnCallingThread = evaluateOnCallingThread,
            // The lambda that names TieredEngine runs only when a function gets hot, so a run that
            // never compiles never loads Zylisp.Compiler.Clr.
            CreateExecutionEngine = static () => new DeferredTieredEngine(TieredEngine.DefaultThreshold, static () => new TieredEngine()),
        }),
        // A native session: each top-level form compiled to machine code in this process (docs/design/native-sessions.md).
        EngineChoice.Native => new(new EngineOptions { Out = streams.Out, Error = streams.Error, EvaluateOnCallingThread = evaluateOnCallingThread, CreateExecutionEngine = static () => new Zylisp.Compiler.Native.NativeEngine() }),
        _ => new(new EngineOptions { Out = streams.Out, Error = streams.Error, EvaluateOnCallingThread = evaluateOnCallingThread }),
    };

    /// <summary>
    /// The engine for <c>zylisp run FILE</c>: on the il engine it reads and writes the on-disk code
    /// cache (unless <paramref name="useCache"/> is false). The tiered engine can use one too, but
    /// measured on the default engine it cost more than it saved (docs/benchmarks.md, "On-disk
    /// code cache"), so the CLI does not give it one.
    /// </summary>
    public static Engine CreateForFile(StandardStreams streams, EngineChoice engine, string source, string file, bool useCache, out Action? saveCache)
    {
        saveCache = null;
        return engine is EngineChoice.Il && useCache ? CreateCachedIl(streams, source, file, out saveCache) : Create(streams, engine);
    }

    // Its own method, so only an il run with a cache touches CodeCache and loads the compiler's assembly.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Engine CreateCachedIl(StandardStreams streams, string source, string file, out Action? saveCache)
    {
        var cache = CodeCache.DefaultDirectory() is { } directory ? CodeCache.For(directory, source, file, nameof(EngineChoice.Il)) : null;
        saveCache = cache is null ? null : () => cache.Save();
        return new(new EngineOptions { Out = streams.Out, Error = streams.Error, CreateExecutionEngine = () => new IlEngine(cache) });
    }
}
