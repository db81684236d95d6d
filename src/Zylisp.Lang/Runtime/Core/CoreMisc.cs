using System.Diagnostics;
using Zylisp.Lang.Data;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Evaluation, errors, symbols and other primitives that fit no other family.</summary>
internal static class CoreMisc
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("eval", 1, 1, "([form])", "Expands, analyzes and evaluates the form.", (ctx, a) => ctx.Host.EvalForm(ctx, a[0])),
        Fn("macroexpand-1", 1, 1, "([form])", "Expands the form's outermost macro call once; other forms are returned unchanged.", (ctx, a) => ctx.Host.MacroExpand(ctx, a[0], once: true)),
        Fn("macroexpand", 1, 1, "([form])", "Expands the form's outermost macro call until it is no longer a macro call.", (ctx, a) => ctx.Host.MacroExpand(ctx, a[0], once: false)),
        Fn("type", 1, 1, "([x])", "The type of x as a keyword: :nil :bool :integer :float :string :keyword :symbol :list :vector :map :set :fn :atom :error.", (_, a) => Keyword.Of(RuntimeErrors.TypeName(a[0]))),
        Fn("gensym", 0, 1, "([] [prefix])", "A fresh symbol that no other code uses.", (ctx, a) =>
            Symbol.Of((a.Length == 1 ? Printing.Printer.Str(a[0]) : "G__") + ctx.Globals.NextGensymId())),
        Fn("rand-int", 1, 1, "([n])", "A random integer from 0 up to but not including n.", (_, a) =>
        {
            long n = Numbers.ToLong(a[0], "rand-int");
            return n <= 0 ? throw RuntimeErrors.BadArgument("rand-int", "n must be positive") : Box.Long(Random.Shared.NextInt64(n));
        }),
        Fn("rand", 0, 0, "([])", "A random float from 0.0 up to 1.0.", (_, _) => Random.Shared.NextDouble()),
        Fn("%type-error", 3, 3, "([function expected value])", "Raises the type error (ZL5003) \"`function` expects expected, got value\", for prelude functions that check their own arguments.", (_, a) =>
            throw RuntimeErrors.WrongType(TypeErrorText(a[0]), TypeErrorText(a[1]), a[2])),
        Fn("%nano-time", 0, 0, "([])", "A monotonic clock reading in nanoseconds (for time).", (_, _) => Box.Long((long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency)))),
        Fn("ex-info", 2, 2, "([message data])", "An error value with a message and a data map, for throw.", (_, a) =>
            new ErrorValue(a[0] as string ?? Printing.Printer.Str(a[0]), Keyword.Of("ex-info"), a[1] as PersistentMap ?? throw RuntimeErrors.WrongType("ex-info", "a map", a[1]))),
        Fn("ex-message", 1, 1, "([e])", "The message of an error value (or a thrown string); nil for other values.", (_, a) => a[0] switch
        {
            ErrorValue e => e.Message,
            string s => s,
            _ => null,
        }),
        Fn("ex-data", 1, 1, "([e])", "The data map of an error value: the ex-info map, or :type and location for runtime errors.", (_, a) => a[0] switch
        {
            ErrorValue { DiagnosticId: null } e => e.Data,
            ErrorValue e => e.ToMap().Dissoc(Keyword.Of("message")).Dissoc(Keyword.Of("data")),
            _ => null,
        }),
        Fn("identical?", 2, 2, "([x y])", "True when x and y are the same object.", (_, a) => Box.Bool(ReferenceEquals(a[0], a[1]) || (a[0] is long x && a[1] is long y && x == y))),
        Fn("hash", 1, 1, "([x])", "The hash code of x, consistent with =.", (_, a) => Box.Long(ValueEquality.Instance.GetHashCode(a[0]))),
        Fn("%print-doc", 1, 1, "([name])", "Prints the documentation of the named function, macro or special form (used by doc).", (ctx, a) =>
        {
            var name = a[0] is Symbol s ? s.Name : Printing.Printer.Str(a[0]);
            ctx.Out.Write((ctx.Host.Doc(name) ?? "no documentation for " + name) + "\n");
            return null;
        }),
    ];

    private static string TypeErrorText(object? x) => x as string ?? throw RuntimeErrors.WrongType("%type-error", "a string", x);
}
