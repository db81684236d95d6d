namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of the reader's diagnostics (ZL1xxx). Each has a file in tests/bad/.</summary>
public static partial class DiagnosticIds
{
    public const string UnexpectedCloser = "ZL1001";
    public const string UnclosedForm = "ZL1002";
    public const string UnterminatedString = "ZL1003";
    public const string MalformedNumber = "ZL1004";
    public const string NumberOutOfRange = "ZL1005";
    public const string BadEscape = "ZL1006";
    public const string OddMapForms = "ZL1007";
    public const string DuplicateMapKey = "ZL1008";
    public const string DuplicateSetElement = "ZL1009";
    public const string NestingTooDeep = "ZL1010";
    public const string MissingFormAfterPrefix = "ZL1011";
    public const string UnknownDispatch = "ZL1012";
    public const string InvalidToken = "ZL1013";
    public const string MismatchedCloser = "ZL1014";
    public const string TooManyErrors = "ZL1015";
    public const string NestedFnLiteral = "ZL1016";
    public const string SourceTooLarge = "ZL1017";
    public const string CharacterLiteral = "ZL1018";
    public const string InvalidRegex = "ZL1030";
}

public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> ReadEntries() =>
    [
        Error(
            DiagnosticIds.UnexpectedCloser,
            "unexpected '{0}': there is no open form for it to close",
            "Delete the extra closer, or add the opener it was meant to match."),
        Error(
            DiagnosticIds.UnclosedForm,
            "unclosed {0}: the input ended before the '{1}' that closes the '{2}' opened at line {3}, column {4}",
            "Add the missing closer. Editors that highlight matching brackets make the gap easy to spot."),
        Error(
            DiagnosticIds.UnterminatedString,
            "unterminated string: the input ended before the closing '\"' of the string opened at line {0}, column {1}",
            "Add the closing double quote. A double quote inside a string is written \\\"."),
        Error(
            DiagnosticIds.MalformedNumber,
            "malformed number '{0}'",
            "Numbers look like 42, -7, 0x1F, 1.5, 2e10 or -1.5e-3. A name that starts with a digit is not a symbol."),
        Error(
            DiagnosticIds.NumberOutOfRange,
            "number '{0}' is out of range for a {1}",
            "Integers are 64-bit (-9223372036854775808 to 9223372036854775807); floats are 64-bit doubles."),
        Error(
            DiagnosticIds.BadEscape,
            "bad escape sequence '{0}' in string",
            "Strings understand \\n \\t \\r \\b \\f \\\" \\\\ and \\uXXXX (four hex digits). Write a backslash as \\\\."),
        Error(
            DiagnosticIds.OddMapForms,
            "a map literal needs an even number of forms, but this one has {0}",
            "Every key needs a value: {:a 1 :b 2}. The last key is missing its value."),
        Error(
            DiagnosticIds.DuplicateMapKey,
            "duplicate key {0} in map literal",
            "A map literal can use each key once; remove or rename the repeated key."),
        Error(
            DiagnosticIds.DuplicateSetElement,
            "duplicate element {0} in set literal",
            "A set literal can contain each element once; remove the repeated one."),
        Error(
            DiagnosticIds.NestingTooDeep,
            "forms are nested more than {0} levels deep",
            "Flatten the data, or raise the reader's MaxDepth limit if the nesting is intended."),
        Error(
            DiagnosticIds.MissingFormAfterPrefix,
            "'{0}' must be followed by a form",
            "Reader macros such as ' ` ~ ~@ @ and #_ apply to the next form, e.g. 'x or #_(ignored)."),
        Error(
            DiagnosticIds.UnknownDispatch,
            "unknown dispatch '#{0}'",
            "After '#' the reader understands #{ (set), #( (function literal), #\"...\" (regex), #_ (discard) and ##NaN, ##Inf, ##-Inf."),
        Error(
            DiagnosticIds.InvalidToken,
            "invalid token '{0}'",
            "Symbols are names like foo, -main, ->>, a.b or fmt/Println; keywords are :k or :ns/k."),
        Error(
            DiagnosticIds.CharacterLiteral,
            "`{0}` is a character literal, and Zylisp has no character type",
            "A one-character string stands for a character: write \"c\" for \\c, \" \" for \\space and \"\\n\" for \\newline."),
        Error(
            DiagnosticIds.MismatchedCloser,
            "expected '{0}' to close the '{1}' opened at line {2}, column {3}, but found '{4}'",
            "Brackets must nest: ( ) for lists, [ ] for vectors, { } for maps and #{ } for sets."),
        Error(
            DiagnosticIds.NestedFnLiteral,
            "#( function literals cannot be nested",
            "Inside #( ... ), write the inner function with (fn [x] ...): % could not tell the two apart."),
        Error(
            DiagnosticIds.InvalidRegex,
            "invalid regular expression: {0}",
            "Patterns use RE2 syntax without back-references (docs/design/regex.md): no lookaround, \\1, possessive or atomic groups; \\d \\w \\s are ASCII."),
        Error(
            DiagnosticIds.SourceTooLarge,
            "the source is {0} characters long, more than the limit of {1}; nothing was read",
            "Split the program into several files, or raise RuntimeLimits.MaxSourceLength."),
        Error(
            DiagnosticIds.TooManyErrors,
            "too many errors ({0}); the reader stopped here",
            "Fix the first errors and read the file again."),
    ];
}
