using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Expansion;

/// <summary>
/// Measures what a macro call produced: the nodes of its result that are not its arguments
/// passed through. Counting only new nodes keeps ordinary macros that wrap a large body
/// (when, let, defn ...) cheap, while a macro whose output doubles on every step reaches
/// RuntimeLimits.MaxExpansionSize after a few dozen steps (issue 15 item 7).
/// </summary>
internal static class ExpansionSize
{
    /// <summary>The new nodes of <paramref name="result"/>, counting stops a little past <paramref name="budget"/>.</summary>
    public static int NewNodes(object? result, PersistentList call, int budget)
    {
        var arguments = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var argument in call.Rest)
        {
            if (argument is IZylispCollection collection)
            {
                arguments.Add(collection);
            }
        }

        int count = 0;
        var pending = new Stack<object?>();
        pending.Push(result);
        while (pending.Count > 0 && count <= budget)
        {
            var node = pending.Pop();
            count++;
            if (node is not IZylispCollection collection || arguments.Contains(collection))
            {
                continue;
            }

            foreach (var item in NestedHashes.Children(collection))
            {
                pending.Push(item);
            }
        }

        return count;
    }
}

/// <summary>
/// The arguments of ZL2002 for a macro whose code failed. When the failure is itself a ZL2002
/// (a macro that evals a call of itself, nested 10,000 deep), the innermost message is kept and
/// the nesting is counted, instead of repeating "error while expanding macro" 10,000 times.
/// </summary>
internal static class NestedFailure
{
    public static object?[] Args(string macro, ZylispException failure)
    {
        if (failure.Value is ErrorValue { DiagnosticId: DiagnosticIds.MacroFailed, Args: [_, string innermost, _, long nested] })
        {
            long depth = nested + 1;
            return [macro, innermost, $" (inside {depth:N0} more macro expansion{(depth == 1 ? "" : "s")})", depth];
        }

        return [macro, failure.Message, "", 0L];
    }
}
