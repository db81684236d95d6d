namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Installs the host primitives of the core library. Each family file returns its builtins with
/// name, arity, arglists and docstring side by side; the rest of the library is Zylisp code in
/// Prelude/prelude.zl.
/// </summary>
internal static class CoreLibrary
{
    /// <summary>
    /// Every family with the names it defines, in install order. The names are listed here so that
    /// a family's delegates are only created when one of its names is first looked up
    /// (<see cref="LazyCoreLibrary"/>); CoreLibraryFamilyTests checks they match the family files.
    /// </summary>
    public static readonly IReadOnlyList<CoreFamily> Families =
    [
        new(CoreArithmetic.Functions, ["+", "*", "-", "/", "quot", "rem", "mod", "inc", "dec", "abs", "max", "min", "<", ">", "<=", ">=", "==", "=", "not", "%slisp-not", "compare", "double", "long", "int"]),
        new(CorePredicates.Functions, ["nil?", "number?", "integer?", "float?", "string?", "keyword?", "symbol?", "boolean?", "fn?", "list?", "vector?", "map?", "set?", "coll?", "seq?", "sequential?", "atom?", "empty?"]),
        new(CoreCollections.Functions, ["list", "vector", "hash-map", "hash-set", "vec", "set", "cons", "conj", "first", "second", "last", "rest", "next", "nth", "get", "assoc", "dissoc", "disj", "contains?", "keys", "vals", "count", "empty", "peek", "pop", "subvec"]),
        new(CoreSequences.Functions, ["seq", "concat", "into", "reverse", "sort", "range", "repeat", "take", "drop", "map", "mapv", "filter", "reduce", "reduced", "reduced?", "apply"]),
        new(CoreStrings.Functions, ["str", "%slisp-str", "subs", "split", "join", "upper-case", "lower-case", "trim", "starts-with?", "ends-with?", "includes?", "index-of", "replace", "format", "parse-long", "parse-double", "name", "keyword", "symbol", "namespace", "char-code", "from-char-code"]),
        new(CoreAtoms.Functions, ["atom", "deref", "reset!", "swap!"]),
        new(CoreIo.Functions, ["print", "println", "%eprintln", "pr", "prn", "%with-captured-output", "pr-str", "prn-str", "print-str", "read-line", "read-string", "slurp", "spit", "load-file"]),
        new(CoreBits.Functions, ["bit-and", "bit-or", "bit-xor", "bit-not", "bit-shift-left", "bit-shift-right", "unsigned-bit-shift-right"]),
        new(CoreMath.Functions, ["sqrt", "pow", "exp", "log", "log10", "floor", "ceil", "round", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "hypot"]),
        new(CoreMetadata.Functions, ["meta", "with-meta", "var?", "var-get", "%print-source", "%push-bindings", "%pop-bindings"]),
        new(CoreLazy.Functions, ["%lazy-seq", "realized?"]),
        new(CoreSorted.Functions, ["sorted-map", "sorted-set", "sorted?"]),
        new(CoreRegex.Functions, ["re-pattern", "re-matcher", "re-find", "re-matches", "re-groups"]),
        new(CoreMisc.Functions, ["eval", "macroexpand-1", "macroexpand", "type", "gensym", "rand-int", "rand", "%type-error", "%nano-time", "ex-info", "ex-message", "ex-data", "identical?", "hash", "%print-doc"]),
        new(CoreRecords.Functions, ["%record", "record?"]),
        new(CoreInterop.Functions, ["%dotnet-call", "%dotnet-static", "%dotnet-new", "%dotnet-instance?", "%dotnet-type", "%dotnet-import"]),
    ];

    /// <summary>Makes a family's builtins and defines them as core globals.</summary>
    public static void InstallFamily(GlobalEnvironment globals, CoreFamily family)
    {
        foreach (var builtin in family.Functions())
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

/// <summary>One family file of builtins: the function that makes them, and their names without making them.</summary>
internal sealed record CoreFamily(Func<IEnumerable<Builtin>> Functions, IReadOnlyList<string> Names);
