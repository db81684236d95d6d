namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of the analyzer's diagnostics (ZL3xxx).</summary>
public static partial class DiagnosticIds
{
    public const string MalformedSpecialForm = "ZL3001";
    public const string RecurNotInTailPosition = "ZL3002";
    public const string RecurArity = "ZL3003";
    public const string SpecialFormAsValue = "ZL3004";
    public const string UndefinedGlobalWarning = "ZL3005";
    public const string BadParameterList = "ZL3006";
    public const string BadAnnotation = "ZL3007";
    public const string DuplicateArity = "ZL3008";
    public const string UnknownNamespace = "ZL3009";
    public const string WrongArityWarning = "ZL3010";
    public const string GoInteropElsewhere = "ZL3011";
    public const string GoNumberTypeElsewhere = "ZL3012";
}

public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> AnalyzeEntries() =>
    [
        Error(
            DiagnosticIds.MalformedSpecialForm,
            "malformed `{0}`: {1}",
            "See (doc {0}) for the shape this form takes."),
        Error(
            DiagnosticIds.RecurNotInTailPosition,
            "`recur` is only allowed in tail position of a `loop` or `fn`",
            "recur must be the last thing its loop or function does; it cannot be an argument, a let binding, or inside try."),
        Error(
            DiagnosticIds.RecurArity,
            "`recur` expects {0} arguments (one per {1}), got {2}",
            "recur rebinds every binding of its loop or function, in order."),
        Error(
            DiagnosticIds.SpecialFormAsValue,
            "`{0}` is a special form and cannot be used as a value",
            "Special forms are syntax, not functions; wrap it in (fn [...] ...) if you need a function."),
        Warning(
            DiagnosticIds.UndefinedGlobalWarning,
            "`{0}` is used but never defined",
            "Define it with def, defn or deffunc, or check the spelling. Calling it will fail at run time."),
        Error(
            DiagnosticIds.BadParameterList,
            "invalid parameter list: {0}",
            "Parameters are plain symbols, optionally ending with & rest: [a b & more]."),
        Error(
            DiagnosticIds.BadAnnotation,
            "invalid type annotation: {0}",
            "Write (:args type ...) with one type per parameter and (:return type); types are integer, float, string, bool, any or Go type names spelled as in Go ([]string, map[string]int, *T)."),
        Error(
            DiagnosticIds.DuplicateArity,
            "`fn` has two arities taking {0} arguments",
            "Each arity of a function needs a different number of parameters."),
        Error(
            DiagnosticIds.UnknownNamespace,
            "no namespace `{0}`, so `{0}/{1}` cannot be resolved",
            "A qualifier must be an alias made by (:require [ns :as alias]), a loaded namespace, or a core namespace (zylisp.core, zylisp.string, zylisp.set, zylisp.walk, their clojure.* names, Math)."),
        Error(
            DiagnosticIds.GoInteropElsewhere,
            "`{0}/{1}` calls Go, which only the go target can do; the {2} engine cannot",
            "Go interop runs in programs built with `zylisp build --target go` (or `zylisp compile`). Elsewhere, use a Zylisp function, or .NET interop on the interp, il and tiered engines."),
        Error(
            DiagnosticIds.GoNumberTypeElsewhere,
            "`{0}` rounds every operation to 32 bits, which only the go target computes; the {1} engine cannot",
            "Annotate float (float64) instead, or build with `zylisp build --target go`. Narrow integer types (int32, uint8, ...) work on every engine."),
        Warning(
            DiagnosticIds.WrongArityWarning,
            "`{0}` is called with {1} arguments but takes {2}",
            "Check the parameter list with (doc {0}). The call fails with ZL5002 when it runs."),
    ];
}
