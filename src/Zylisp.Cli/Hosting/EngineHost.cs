using Zylisp.Cli.CommandLine;
using Zylisp.Compiler.Clr;
using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// The one place the CLI creates an engine, so every command gets the same I/O wiring. The engine
/// runs Zylisp code on its own large-stack thread and writes warnings as they happen (before the
/// program's output they concern); the CLI reports the errors it returns.
/// </summary>
internal static class EngineHost
{
    public static Engine Create(StandardStreams streams, EngineChoice engine = EngineChoice.Interp, CodeCache? cache = null) => engine switch
    {
        EngineChoice.Il => new(new EngineOptions { Out = streams.Out, Error = streams.Error, CreateExecutionEngine = () => new IlEngine(cache) }),
        EngineChoice.Tiered => new(new EngineOptions { Out = streams.Out, Error = streams.Error, CreateExecutionEngine = () => new TieredEngine(TieredEngine.DefaultThreshold, cache) }),
        _ => new(new EngineOptions { Out = streams.Out, Error = streams.Error }),
    };

    /// <summary>
    /// The on-disk code cache of a run of a file on the il engine; null elsewhere or without a cache
    /// folder. The tiered engine can use one too, but measured on the default engine it cost more
    /// than it saved (docs/benchmarks.md, "On-disk code cache"), so the CLI does not give it one.
    /// </summary>
    public static CodeCache? CacheFor(EngineChoice engine, string source, string file) =>
        engine is EngineChoice.Il && CodeCache.DefaultDirectory() is { } directory
            ? CodeCache.For(directory, source, file, engine.ToString())
            : null;
}
