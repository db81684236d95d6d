namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Installs the host primitives of the core library. Each family file returns its builtins with
/// name, arity, arglists and docstring side by side; the rest of the library is Zylisp code in
/// Prelude/prelude.zl.
/// </summary>
internal static class CoreLibrary
{
    public static IEnumerable<Builtin> All() =>
        CoreArithmetic.Functions()
            .Concat(CorePredicates.Functions())
            .Concat(CoreCollections.Functions())
            .Concat(CoreSequences.Functions())
            .Concat(CoreStrings.Functions())
            .Concat(CoreAtoms.Functions())
            .Concat(CoreIo.Functions())
            .Concat(CoreMisc.Functions());

    public static void Install(GlobalEnvironment globals)
    {
        foreach (var builtin in All())
        {
            var v = globals.Define(builtin.Name, builtin);
            v.IsCore = true;
        }
    }

    /// <summary>Shorthand for the family files: a builtin with its arity, arglists and doc.</summary>
    public static Builtin Fn(
        string name,
        int min,
        int max,
        string arglists,
        string doc,
        Func<RunContext, object?[], object?> body,
        PrimitiveOp op = PrimitiveOp.None,
        Func<RunContext, object?, object?>? body1 = null,
        Func<RunContext, object?, object?, object?>? body2 = null) =>
        new(name, min, max, arglists, doc, body) { Op = op, Body1 = body1, Body2 = body2 };
}
