using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr;

/// <summary>The <c>il</c> engine: compiles every top-level form to IL before running it (or takes it from the on-disk cache when given one).</summary>
public sealed class IlEngine(CodeCache? cache = null) : IExecutionEngine
{
    private readonly IlCompiler compiler = new();

    public string Name => "il";

    /// <summary>The compiler, with its in-memory cache of compiled fns.</summary>
    public IlCompiler Compiler => compiler;

    public object? Execute(TopLevel form, RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(form);
        var body = cache?.TryBind(form) ?? compiler.CompileTopLevel(form);
        return body(null!, [], ctx);
    }
}
