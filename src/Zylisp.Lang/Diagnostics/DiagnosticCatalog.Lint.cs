namespace Zylisp.Lang.Diagnostics;

/// <summary>
/// Ids of `zylisp lint`'s findings (ZL6xxx), all warnings. The wrong-arity finding reuses the
/// analyzer's ZL3010, so `zylisp run` and `zylisp lint` name it the same way.
/// </summary>
public static partial class DiagnosticIds
{
    public const string UnusedLocal = "ZL6001";
    public const string ShadowedCoreFunction = "ZL6002";
    public const string UndefinedGlobalLint = "ZL6003";
    public const string UnreachableCode = "ZL6004";
    public const string RedundantDo = "ZL6005";
    public const string IfWithoutElse = "ZL6006";
    public const string DocstringAfterParameters = "ZL6007";
    public const string UnusedPrivate = "ZL6008";
}

public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> LintEntries() =>
    [
        Warning(
            DiagnosticIds.UnusedLocal,
            "{0} `{1}` is never used",
            "Remove it, or start its name with _ to say it is unused on purpose (_{1})."),
        Warning(
            DiagnosticIds.ShadowedCoreFunction,
            "local `{0}` shadows the core function `{0}`",
            "Inside this scope `{0}` no longer means the core function; pick another name."),
        Warning(
            DiagnosticIds.UndefinedGlobalLint,
            "`{0}` is not defined in this file or the core library",
            "Define it with def or defn, or check the spelling. Calling it fails with ZL5001 when it runs."),
        Warning(
            DiagnosticIds.UnreachableCode,
            "this form is never evaluated: the `{0}` before it does not return",
            "Remove the code after the {0}, or move the {0} to the end."),
        Warning(
            DiagnosticIds.RedundantDo,
            "redundant `do`: {0}",
            "A body already evaluates its forms in order, and (do x) is just x; write the forms without do."),
        Warning(
            DiagnosticIds.IfWithoutElse,
            "`(if test then nil)` reads better as `(when test then)`",
            "when evaluates to nil when the test fails, and allows several body forms."),
        Warning(
            DiagnosticIds.DocstringAfterParameters,
            "the docstring comes after the parameter vector, so it is a body form, not documentation",
            "Put the docstring between the name and the parameters: (defn name \"doc\" [params] body...)."),
        Warning(
            DiagnosticIds.UnusedPrivate,
            "private `{0}` is never used in this file",
            "Nothing outside the file can use a private definition; remove it or use it."),
    ];
}
