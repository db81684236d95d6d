using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr;

/// <summary>The <c>il</c> engine: compiles every top-level form to IL before running it.</summary>
public sealed class IlEngine : IExecutionEngine
{
    private readonly IlCompiler compiler = new();

    public string Name => "il";

    /// <summary>The compiler, with its in-memory cache of compiled fns.</summary>
    public IlCompiler Compiler => compiler;

    public object? Execute(TopLevel form, RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(form);
        return compiler.CompileTopLevel(form)(null!, [], ctx);
    }
}
