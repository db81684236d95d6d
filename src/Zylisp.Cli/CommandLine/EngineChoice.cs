namespace Zylisp.Cli.CommandLine;

/// <summary>
/// Which engine runs the code (<c>--engine interp|il|tiered</c>): the interpreter, IL compiled
/// before running, or interpreted first and compiled once hot (docs/design/il-backend.md).
/// </summary>
internal enum EngineChoice
{
    Interp,
    Il,
    Tiered,

    /// <summary>x86-64 machine code: whole programs for run, an incremental native session (NativeEngine) for eval and the REPL.</summary>
    Native,
}

internal static class EngineChoices
{
    /// <summary>Every --engine name; native is the x86-64 backend, which run and eval route to before parsing a choice.</summary>
    public static readonly string[] Names = ["interp", "il", "tiered", "native"];

    /// <summary>The engine named on the command line, or <paramref name="fallback"/> when none was named.</summary>
    public static EngineChoice Parse(string? name, EngineChoice fallback) => name switch
    {
        "interp" => EngineChoice.Interp,
        "il" => EngineChoice.Il,
        "tiered" => EngineChoice.Tiered,
        "native" => EngineChoice.Native,
        _ => fallback,
    };

    /// <summary>The --engine name of <paramref name="choice"/> (what an nREPL session's engine field takes).</summary>
    public static string NameOf(EngineChoice choice) => choice switch
    {
        EngineChoice.Il => "il",
        EngineChoice.Tiered => "tiered",
        EngineChoice.Native => "native",
        _ => "interp",
    };
}
