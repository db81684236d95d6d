using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Atoms: the one mutable reference type.</summary>
internal static class CoreAtoms
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("atom", 1, 1, "([x])", "A new atom holding x.", (_, a) => new Atom(a[0])),
        Fn("deref", 1, 1, "([atom])", "The current value of an atom (or the value a reduced wraps). @a reads as (deref a).", (_, a) => a[0] switch
        {
            Atom atom => atom.Deref(),
            Reduced reduced => reduced.Value,
            Var v => v.IsDefined ? v.Value : null,
            _ => throw RuntimeErrors.WrongType("deref", "an atom", a[0]),
        }),
        Fn("reset!", 2, 2, "([atom x])", "Sets the atom's value to x; returns x.", (_, a) => AsAtom("reset!", a[0]).Reset(a[1])),
        Fn("swap!", 2, -1, "([atom f & args])", "Sets the atom's value to (f old args...); returns the new value.", (ctx, a) =>
        {
            var atom = AsAtom("swap!", a[0]);
            var f = a[1];
            var extra = a.AsSpan(2).ToArray();
            return atom.Swap(old => extra.Length == 0 ? Callables.Call(ctx, f, old) : Callables.Call(ctx, f, [old, .. extra]));
        }),
    ];

    private static Atom AsAtom(string fn, object? x) => x as Atom ?? throw RuntimeErrors.WrongType(fn, "an atom", x);
}
