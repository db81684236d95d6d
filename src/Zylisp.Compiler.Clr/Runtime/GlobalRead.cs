using System.Runtime.CompilerServices;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>
/// One global read of quick-tier code: the Var and the span its undefined-symbol error names,
/// as one constant. Optimized code reads the Var inline (a field load and a compare once the JIT
/// inlines <see cref="Var.Value"/>); quick code is compiled without inlining, where that inline
/// read was nineteen IL instructions per global (two more pool loads and casts for the rare
/// error) and most of a 10-line fn's IL. Here it is five: the JIT's time follows the IL's size
/// (docs/design/il-backend.md, "Smaller quick-tier IL").
/// </summary>
public sealed class GlobalRead(Var global, SourceSpan? span)
{
    /// <summary>The global's value; its undefined-symbol error when unbound, as <see cref="RuntimeApi.ReadGlobal"/> raises it.</summary>
    /// <param name="read">This class's instance (typed object, so the caller's IL needs no cast).</param>
    /// <param name="ctx">The running context, for the error's did-you-mean names.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object? Value(object read, RunContext ctx)
    {
        var site = (GlobalRead)read;
        var value = site.global.Value;
        return ReferenceEquals(value, Var.Unbound) ? RuntimeApi.ReadGlobal(ctx, site.global, site.span) : value;
    }

    private readonly Var global = global;
    private readonly SourceSpan? span = span;
}
