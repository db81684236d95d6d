using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang;

/// <summary>The outcome of <see cref="Engine.Eval"/>: the last form's value, or the error, plus every diagnostic.</summary>
public sealed record EvalResult(object? Value, bool Success, IReadOnlyList<Diagnostic> Diagnostics, object? Error)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}

/// <summary>The outcome of running a program: the exit code (-main's integer result, 0, or 1 on error).</summary>
public sealed record RunResult(int ExitCode, bool Success, IReadOnlyList<Diagnostic> Diagnostics, object? Error);

/// <summary>The core forms a program expands to (see docs/design/core-forms.md).</summary>
public sealed record ExpandResult(IReadOnlyList<object?> Forms, bool Success, IReadOnlyList<Diagnostic> Diagnostics);
