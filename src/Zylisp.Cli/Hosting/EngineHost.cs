using Zylisp.Cli.CommandLine;
using Zylisp.Compiler.Clr;
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
    public static Engine Create(StandardStreams streams, EngineChoice engine = EngineChoice.Interp) => engine switch
    {
        EngineChoice.Il => new(new EngineOptions { Out = streams.Out, Error = streams.Error, CreateExecutionEngine = static () => new IlEngine() }),
        EngineChoice.Tiered => new(new EngineOptions
        {
            Out = streams.Out,
            Error = streams.Error,
            // The lambda that names TieredEngine runs only when a function gets hot, so a run that
            // never compiles never loads Zylisp.Compiler.Clr.
            CreateExecutionEngine = static () => new DeferredTieredEngine(TieredEngine.DefaultThreshold, static () => new TieredEngine()),
        }),
        _ => new(new EngineOptions { Out = streams.Out, Error = streams.Error }),
    };
}
