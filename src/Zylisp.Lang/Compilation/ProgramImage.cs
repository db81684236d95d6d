using Zylisp.Lang.Analysis;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Compilation;

/// <summary>
/// A whole program for an ahead-of-time backend (docs/design/middle-end.md): the prelude
/// definitions it reaches, in an order where each comes after what it uses, then the program's
/// own top-level forms in source order, all analyzed with macros expanded. Host primitives are
/// not here: each backend's runtime provides them (docs/design/host-primitives.md).
/// </summary>
public sealed record ProgramImage(
    IReadOnlyList<TopLevel> Definitions,
    IReadOnlyList<TopLevel> Forms,
    Truthiness Dialect,
    IReadOnlyList<RuntimeCompilerUse> CompilerUses,
    bool Success,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// The text of every file the program read (its own and those it requires), so a build can
    /// quote the source line under a diagnostic as `zylisp run` does.
    /// </summary>
    public SourceRegistry? Sources { get; init; }

    /// <summary>The global name of the program's entry point: -main of the main file's namespace (bare in user).</summary>
    public string MainName { get; init; } = "-main";

    /// <summary>
    /// The documentation (doc name) prints for each name the program's own forms pass to it as a
    /// constant (null: none), computed after the definitions ran (<see cref="DocumentedNames"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Documentation { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where the program asks for the documentation of a name computed at run time.</summary>
    public IReadOnlyList<SourceSpan?> ComputedDocNames { get; init; } = [];

    /// <summary>The functions that need the whole front end while the program runs.</summary>
    public static readonly IReadOnlySet<string> CompilerFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "eval", "load-file", "macroexpand", "macroexpand-1",
    };

    /// <summary>
    /// The compile-time errors an engine without a compiler at run time reports for this program:
    /// one per call of <see cref="CompilerFunctions"/>, naming the function and <paramref name="target"/>.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilerErrors(string target) =>
        [.. CompilerUses.Select(u => Diagnostic.Create(DiagnosticIds.NeedsCompilerAtRunTime, u.Span, u.Function, target))];
}

/// <summary>A reference to a function that needs the compiler at run time, and where.</summary>
public sealed record RuntimeCompilerUse(string Function, SourceSpan? Span);
