using System.Collections.Immutable;
using Zylisp.Compiler.Clr.Emit;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// Compiles analyzed IR to IL in-process: each top-level form and each fn arity becomes one
/// collectible DynamicMethod (docs/design/il-backend.md). Holds no state between compilations.
/// </summary>
public sealed class IlCompiler
{
    /// <summary>Compiles a top-level form; the delegate runs it once in a context (its function argument is unused).</summary>
    public ArityBody0 CompileTopLevel(TopLevel top)
    {
        ArgumentNullException.ThrowIfNull(top);
        return MethodEmitter.CompileTopLevel(this, top, "toplevel");
    }

    /// <summary>Compiles every arity of a fn expression into the template its function values share.</summary>
    public CompiledTemplate CompileFunction(FnNode fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        var arities = ImmutableArray.CreateBuilder<CompiledArity>(fn.Arities.Length);
        var typed = TypedEmitter.TryCompile(fn);
        foreach (var arity in fn.Arities)
        {
            arities.Add(MethodEmitter.CompileArity(this, fn.Name, arity, typed));
        }

        return new CompiledTemplate(fn.Name, arities.MoveToImmutable());
    }
}
