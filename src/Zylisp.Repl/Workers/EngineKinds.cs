namespace Zylisp.Repl.Workers;

/// <summary>
/// The engines a session may ask for (the <c>engine</c> field of <c>clone</c>, <c>--engine</c>).
/// Only the interpreter exists in this build; the others are named so a request for them gets an
/// explicit "not available yet" rather than a silent fallback.
/// </summary>
public static class EngineKinds
{
    public const string Interpreter = "interp";

    public static IReadOnlyList<string> Available { get; } = [Interpreter];

    public static IReadOnlyList<string> Planned { get; } = ["il", "tiered", "native"];

    /// <summary>Null when <paramref name="engine"/> can run; otherwise the message for the client.</summary>
    public static string? Problem(string engine) =>
        Available.Contains(engine) ? null
        : Planned.Contains(engine) ? $"engine '{engine}' is not available in this build yet; available: {string.Join(", ", Available)}"
        : $"unknown engine '{engine}'; engines: {string.Join(", ", Available.Concat(Planned))}";
}
