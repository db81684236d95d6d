using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang;

/// <summary>
/// The seam between the front end and a backend: the pipeline hands every analyzed top-level
/// form, in order, to one execution engine, which runs it (interpreting it, or compiling it and
/// calling the result) and returns its value. An engine keeps whatever caches it likes per
/// instance, never in statics, so several engines live side by side in one process.
/// </summary>
public interface IExecutionEngine
{
    /// <summary>The name users pick it by (<c>--engine interp</c>).</summary>
    string Name { get; }

    /// <summary>Runs one top-level form in <paramref name="ctx"/> and returns its value; Zylisp errors propagate as <see cref="ZylispException"/>.</summary>
    object? Execute(TopLevel form, RunContext ctx);
}
