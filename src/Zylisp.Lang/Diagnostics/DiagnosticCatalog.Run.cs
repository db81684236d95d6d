namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of run-time errors (ZL5xxx). Catching code sees them as error values with a :type.</summary>
public static partial class DiagnosticIds
{
    public const string UndefinedGlobal = "ZL5001";
    public const string WrongArity = "ZL5002";
    public const string WrongType = "ZL5003";
    public const string DivideByZero = "ZL5004";
    public const string StackOverflow = "ZL5005";
    public const string NotCallable = "ZL5006";
    public const string UncaughtThrow = "ZL5007";
    public const string TypeAnnotationMismatch = "ZL5008";
    public const string IndexOutOfRange = "ZL5009";
    public const string Interrupted = "ZL5010";
    public const string IoError = "ZL5011";
    public const string BadArgument = "ZL5012";
    public const string HostError = "ZL5013";
    public const string OutOfMemory = "ZL5014";
}

public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> RunEntries() =>
    [
        Error(
            DiagnosticIds.UndefinedGlobal,
            "undefined symbol `{0}`{1}",
            "Define it before the code that uses it runs, or check the spelling."),
        Error(
            DiagnosticIds.WrongArity,
            "wrong number of arguments ({1}) passed to `{0}`",
            "Check the function's parameter list with (doc name)."),
        Error(
            DiagnosticIds.WrongType,
            "`{0}` expects {1}, got {2}",
            null),
        Error(
            DiagnosticIds.DivideByZero,
            "integer division by zero",
            "Integer /, quot, rem and mod fail on a zero divisor; use floats (/ 1.0 0) to get ##Inf."),
        Error(
            DiagnosticIds.StackOverflow,
            "stack overflow in `{0}`: calls nested deeper than {1}",
            "Deep recursion that is not a tail call uses stack. Make the recursive call in tail position, or use loop/recur."),
        Error(
            DiagnosticIds.NotCallable,
            "{0} is not a function",
            "Only functions, keywords, maps, sets and vectors can be called."),
        Error(
            DiagnosticIds.UncaughtThrow,
            "uncaught exception: {0}",
            "Wrap the code in (try ... (catch e ...)) to handle it."),
        Error(
            DiagnosticIds.TypeAnnotationMismatch,
            "`{0}`: {1} must be {2}, got {3}",
            "The deffunc's (:args ...) or (:return ...) annotation does not match the value."),
        Error(
            DiagnosticIds.IndexOutOfRange,
            "`{0}`: index {1} is out of range for a collection of {2} elements",
            null),
        Error(
            DiagnosticIds.Interrupted,
            "evaluation interrupted",
            null),
        Error(
            DiagnosticIds.IoError,
            "`{0}`: {1}",
            null),
        Error(
            DiagnosticIds.BadArgument,
            "`{0}`: {1}",
            null),
        Error(
            DiagnosticIds.OutOfMemory,
            "out of memory: {0}",
            "Keep less data alive at once (process it in pieces), or raise RuntimeLimits.MaxMemoryBytes. Definitions made so far are kept."),
        Error(
            DiagnosticIds.HostError,
            "internal error: {0}",
            "This is a bug in Zylisp; please report it with the program that caused it."),
    ];
}
