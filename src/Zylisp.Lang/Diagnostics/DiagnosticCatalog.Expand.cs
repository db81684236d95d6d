namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of the macro expander's diagnostics (ZL2xxx).</summary>
public static partial class DiagnosticIds
{
    public const string MacroExpansionLimit = "ZL2001";
    public const string MacroFailed = "ZL2002";
    public const string MalformedDefmacro = "ZL2003";
    public const string UnquoteOutsideSyntaxQuote = "ZL2004";
    public const string SpliceOutsideCollection = "ZL2005";
    public const string MalformedBindings = "ZL2006";
    public const string UnknownDialect = "ZL2007";
    public const string MalformedPattern = "ZL2008";
    public const string ExceptionClassInCatch = "ZL2009";
    public const string FormTooDeep = "ZL2010";
    public const string ExpansionTooLarge = "ZL2011";
    public const string MalformedQuoting = "ZL2012";
    public const string MalformedNamespaceQualify = "ZL2013";
}

public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> ExpandEntries() =>
    [
        Error(
            DiagnosticIds.MalformedQuoting,
            "malformed `{0}`: {1}",
            "`x is (syntax-quote x): it takes exactly one form, as quote does."),
        Error(
            DiagnosticIds.MalformedNamespaceQualify,
            "malformed `%ns-qualify`: {0}",
            "(%ns-qualify \"Name\") or (%ns-qualify :Name) stands for the name qualified by the namespace being expanded; defrecord and defprotocol write it, with one literal name."),
        Error(
            DiagnosticIds.MacroExpansionLimit,
            "macro expansion limit of {0} exceeded while expanding `{1}`",
            "A macro probably expands into a call of itself without making progress. The limit is RuntimeLimits.MaxMacroExpansions."),
        Error(
            DiagnosticIds.MacroFailed,
            "error while expanding macro `{0}`: {1}{2}",
            "The macro's own code threw while building its expansion; check the arguments it was given."),
        Error(
            DiagnosticIds.MalformedDefmacro,
            "malformed `defmacro`: {0}",
            "Write (defmacro name \"doc\"? [params] body...)."),
        Error(
            DiagnosticIds.UnquoteOutsideSyntaxQuote,
            "`{0}` used outside of a syntax-quote",
            "~x and ~@x only mean something inside a `template."),
        Error(
            DiagnosticIds.SpliceOutsideCollection,
            "`~@` can only splice into a list, vector, map or set",
            "Use ~x to insert a single value."),
        Error(
            DiagnosticIds.MalformedBindings,
            "malformed bindings in `{0}`: {1}",
            "Bindings are [name value ...] or ((name value) ...)."),
        Error(
            DiagnosticIds.MalformedPattern,
            "malformed destructuring pattern in `{0}`: {1}",
            "A pattern is a name, a vector such as [a b & more :as all], or a map such as {a :a, :keys [b c], :or {b 0}, :as m}."),
        Error(
            DiagnosticIds.ExceptionClassInCatch,
            "`{0}` looks like an exception class, and Zylisp has none",
            "Write (catch e ...) to catch any thrown value, or (catch :arithmetic-error e ...) to catch errors of one :type."),
        Error(
            DiagnosticIds.ExpansionTooLarge,
            "macro expansion produced more than {0} new nodes while expanding `{1}`",
            "A macro probably grows its output on every step (for example by repeating its arguments). The limit is RuntimeLimits.MaxExpansionSize."),
        Error(
            DiagnosticIds.FormTooDeep,
            "a form is nested more than {0} levels deep after macro expansion",
            "A macro probably builds a deeply nested form; build a loop or a sequence instead. The limit is RuntimeLimits.MaxFormDepth."),
        Error(
            DiagnosticIds.UnknownDialect,
            "unknown dialect {0}",
            "The known dialects are :slisp and :zylisp."),
    ];
}
