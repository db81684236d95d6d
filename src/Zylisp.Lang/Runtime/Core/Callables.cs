using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>How primitives call back into Zylisp values: functions, and keywords/maps/sets/vectors as lookups.</summary>
internal static class Callables
{
    public static object? Call(RunContext ctx, object? fn, object? a) =>
        fn is ZFunction z ? z.Invoke1(ctx, a) : Call(ctx, fn, [a]);

    public static object? Call(RunContext ctx, object? fn, object? a, object? b) =>
        fn is ZFunction z ? z.Invoke2(ctx, a, b) : Call(ctx, fn, [a, b]);

    public static object? Call(RunContext ctx, object? fn, object?[] args)
    {
        if (fn is ZFunction z)
        {
            return z.Invoke(ctx, args);
        }

        if (args.Length is 1 or 2)
        {
            object? notFound = args.Length == 2 ? args[1] : null;
            switch (fn)
            {
                case Keyword:
                    return CoreLookup.Get(args[0], fn, notFound);
                case PersistentMap or PersistentSet:
                    return CoreLookup.Get(fn, args[0], notFound);
                case PersistentVector v when args.Length == 1:
                    return CoreLookup.Nth(v, args[0], "vector");
            }
        }

        throw RuntimeErrors.NotCallable(fn);
    }
}
