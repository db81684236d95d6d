using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// The engine of a persisted program (a built <c>--target dotnet</c> program, a cached run): each
/// top-level form runs its persisted IL when the program has code that fits it, and is compiled
/// in-process as on the <c>il</c> engine otherwise (eval, load-file, a form the build did not
/// see). Either way it is the same IL, so the result is the same.
/// </summary>
public sealed class PersistedEngine(PersistedProgram program) : IExecutionEngine
{
    private readonly IlCompiler compiler = new();

    public string Name => "il";

    public PersistedProgram Program { get; } = program;

    public object? Execute(TopLevel form, RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(form);
        var body = Program.TryBind(form) ?? compiler.CompileTopLevel(form);
        return body(null!, [], ctx);
    }
}
