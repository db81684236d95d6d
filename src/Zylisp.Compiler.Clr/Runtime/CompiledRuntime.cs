using System.Runtime.CompilerServices;
using Zylisp.Lang.Data;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>
/// The few helpers emitted code calls that are not part of the runtime contract itself
/// (everything else goes straight to <see cref="Zylisp.Lang.Runtime.RuntimeApi"/> and <see cref="Zylisp.Lang.Runtime.RunContext"/>).
/// </summary>
public static class CompiledRuntime
{
    /// <summary>Clojure truth, inlined into compiled tests.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTruthy(object? value) => value is not null && (value is not bool b || b);

    /// <summary>The rest parameter of a variadic arity: the arguments from <paramref name="from"/> on as a list, or nil when there are none.</summary>
    public static object? RestArgs(object?[] args, int from) =>
        args.Length > from ? PersistentList.Create(args.AsSpan(from)) : null;
}
