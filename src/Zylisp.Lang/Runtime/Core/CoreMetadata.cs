using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Metadata (maps of facts about a value that never change what it equals) and vars (docs/design/dynamic-vars-and-metadata.md).</summary>
internal static class CoreMetadata
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("meta", 1, 1, "([x])", "The metadata map of a symbol, collection, function or var, or nil.", (ctx, a) => Metadata.Of(ctx.Globals, a[0])),
        Fn("with-meta", 2, 2, "([x m])", "x (a symbol, collection or function) with the metadata map m; equal to x.", (ctx, a) =>
            Metadata.With(ctx.Globals, a[0], a[1] switch
            {
                null => null,
                PersistentMap m => m,
                var other => throw RuntimeErrors.WrongType("with-meta", "a map", other),
            })),
        Fn("var?", 1, 1, "([x])", "True for a var (#'name).", (_, a) => Box.Bool(a[0] is Var)),
        Fn("var-get", 1, 1, "([v])", "The current value of the var v (this thread's binding of a dynamic var).", (_, a) => AsVar("var-get", a[0]) switch
        {
            { IsDefined: true } v => v.Value,
            var v => throw RuntimeErrors.BadArgument("var-get", "#'" + v.Name + " is unbound"),
        }),
        Fn("%print-source", 1, 1, "([v])", "Prints the source of the var's definition (used by source).", (ctx, a) =>
        {
            var v = AsVar("source", a[0]);
            ctx.Out.Write((v.SourceCode ?? "Source not found (" + v.Name + " is " + (v.IsCore ? "a host primitive" : "not defined from source") + ")") + "\n");
            return null;
        }),
        Fn("%push-bindings", 2, 2, "([vars values])", "binding's start: binds each dynamic var to its value on this thread.", (_, a) =>
        {
            var vars = Items("binding", a[0]).Select(v => AsVar("binding", v)).ToList();
            var values = Items("binding", a[1]).ToList();
            foreach (var v in vars.Where(v => !v.IsDynamic))
            {
                throw RuntimeErrors.BadArgument("binding", "cannot bind #'" + v.Name + ": it is not dynamic (define it with (def ^:dynamic " + v.Name + " ...))");
            }

            for (int i = 0; i < vars.Count; i++)
            {
                vars[i].PushBinding(values[i]);
            }

            return null;
        }),
        Fn("%pop-bindings", 1, 1, "([vars])", "binding's end: ends this thread's innermost binding of each var.", (_, a) =>
        {
            foreach (var v in Items("binding", a[0]).Select(v => AsVar("binding", v)))
            {
                v.PopBinding();
            }

            return null;
        }),
    ];

    private static IEnumerable<object?> Items(string fn, object? x) => x as PersistentVector ?? throw RuntimeErrors.WrongType(fn, "a vector", x);

    private static Var AsVar(string fn, object? x) => x as Var ?? throw RuntimeErrors.WrongType(fn, "a var", x);
}
