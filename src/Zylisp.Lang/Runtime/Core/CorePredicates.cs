using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Type predicates. (Predicates that need no host type test, such as zero? and even?, are in the prelude.)</summary>
internal static class CorePredicates
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Is("nil?", "True when x is nil.", x => x is null),
        Is("number?", "True for integers and floats.", x => x is long or double),
        Is("integer?", "True for integers.", x => x is long),
        Is("float?", "True for floats.", x => x is double),
        Is("string?", "True for strings.", x => x is string),
        Is("keyword?", "True for keywords.", x => x is Keyword),
        Is("symbol?", "True for symbols.", x => x is Symbol),
        Is("boolean?", "True for true and false.", x => x is bool),
        Is("fn?", "True for functions.", x => x is ZFunction),
        Is("list?", "True for lists.", x => x is PersistentList),
        Is("vector?", "True for vectors.", x => x is PersistentVector),
        Is("map?", "True for maps and records.", x => x is PersistentMap or RecordValue),
        Is("set?", "True for sets.", x => x is PersistentSet),
        Is("coll?", "True for lists, vectors, maps and sets.", x => x is IZylispCollection),
        Is("seq?", "True for lists (Zylisp's sequences are eager lists).", x => x is PersistentList),
        Is("sequential?", "True for lists and vectors.", x => x is ISequential),
        Is("atom?", "True for atoms.", x => x is Atom),
        Fn("empty?", 1, 1, "([coll])", "True when coll is nil, an empty collection or an empty string.", (_, a) =>
            Seq.IsSeqable(a[0]) ? Box.Bool(Seq.IsEmpty(a[0])) : throw RuntimeErrors.WrongType("empty?", "a collection or string", a[0])),
    ];

    private static Builtin Is(string name, string doc, Func<object?, bool> test) =>
        Fn(name, 1, 1, "([x])", doc, (_, a) => Box.Bool(test(a[0])), body1: (_, x) => Box.Bool(test(x)));
}
