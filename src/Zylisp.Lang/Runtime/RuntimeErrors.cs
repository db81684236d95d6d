using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// Builds the run-time errors of the core: each is an <see cref="ErrorValue"/> with a catalogue
/// id (ZL5xxx), a type keyword and message text from <see cref="DiagnosticCatalog"/>, wrapped in
/// the exception that carries it to the nearest <c>catch</c>.
/// </summary>
public static class RuntimeErrors
{
    public static ZylispException Create(string id, string type, SourceSpan? span, params object?[] args) =>
        new(new ErrorValue(DiagnosticCatalog.FormatMessage(id, args), Keyword.Of(type), null, span, id) { Args = args });

    public static ZylispException Undefined(string name, string suggestion, SourceSpan? span) =>
        Create(DiagnosticIds.UndefinedGlobal, "undefined-symbol", span, name, suggestion);

    public static ZylispException Arity(string function, int given) =>
        Create(DiagnosticIds.WrongArity, "arity-error", null, function, given);

    public static ZylispException WrongType(string function, string expected, object? actual) =>
        Create(DiagnosticIds.WrongType, "type-error", null, function, expected, Describe(actual));

    public static ZylispException DivideByZero() =>
        Create(DiagnosticIds.DivideByZero, "arithmetic-error", null);

    public static ZylispException StackOverflow(string function, int limit, SourceSpan? span) =>
        Create(DiagnosticIds.StackOverflow, "stack-overflow", span, function, limit);

    public static ZylispException NotCallable(object? value) =>
        Create(DiagnosticIds.NotCallable, "not-callable", null, Describe(value));

    public static ZylispException Annotation(string function, string what, string type, object? actual) =>
        Create(DiagnosticIds.TypeAnnotationMismatch, "type-error", null, function, what, type, Describe(actual));

    public static ZylispException IndexOutOfRange(string function, long index, int count) =>
        Create(DiagnosticIds.IndexOutOfRange, "index-out-of-bounds", null, function, index, count);

    public static ZylispException BadArgument(string function, string problem) =>
        Create(DiagnosticIds.BadArgument, "argument-error", null, function, problem);

    /// <summary>ZL5014: the program's live heap passed RuntimeLimits.MaxMemoryBytes, or the runtime ran out of memory.</summary>
    public static ZylispException OutOfMemory(long used, long limit) =>
        Create(DiagnosticIds.OutOfMemory, "out-of-memory", null, $"the program's live data ({MiB(used)}) passed the memory limit of {MiB(limit)}");

    /// <summary>What ZL5014 says when the runtime itself could not allocate.</summary>
    public const string RuntimeOutOfMemory = "the runtime could not allocate more memory";

    private static string MiB(long bytes) => (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB";

    public static ZylispException Io(string function, string problem) =>
        Create(DiagnosticIds.IoError, "io-error", null, function, problem);

    /// <summary>A value as shown in an error message: its type and a short printed form.</summary>
    public static string Describe(object? value)
    {
        var printed = Printer.PrStr(value);
        if (printed.Length > 60)
        {
            printed = printed[..57] + "...";
        }

        return value is null ? "nil" : TypeName(value) + " " + printed;
    }

    /// <summary>The user-facing name of a value's type, as <c>(type x)</c> returns it.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "nil",
        bool => "bool",
        long => "integer",
        double => "float",
        string => "string",
        Keyword => "keyword",
        Symbol => "symbol",
        PersistentList => "list",
        LazySeq => "lazy-seq",
        Cons => "seq",
        PersistentVector => "vector",
        PersistentMap => "map",
        PersistentSet => "set",
        RecordValue r => r.TypeTag,
        ZFunction => "fn",
        Atom => "atom",
        Reduced => "reduced",
        ErrorValue => "error",
        Var => "var",
        Regex.RegexValue => "regex",
        Regex.RegexMatcher => "matcher",
        _ => value.GetType().Name,
    };
}
