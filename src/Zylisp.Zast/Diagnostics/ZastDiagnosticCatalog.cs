using System.Globalization;

namespace Zylisp.Zast.Diagnostics;

/// <summary>Every zast diagnostic id and its message template. ZAST1xxx: reading S-expressions;
/// ZAST2xxx: building the tree; ZAST3xxx: validating what was built; ZAST4xxx: converting to or from Go.</summary>
public static class ZastDiagnosticCatalog
{
    public const string UnclosedList = "ZAST1001";
    public const string UnexpectedCloser = "ZAST1002";
    public const string UnterminatedString = "ZAST1003";
    public const string InvalidEscape = "ZAST1004";
    public const string IntegerOutOfRange = "ZAST1005";
    public const string EmptyKeyword = "ZAST1006";
    public const string TooDeep = "ZAST1007";

    public const string ExpectedOneForm = "ZAST2001";
    public const string ExpectedNode = "ZAST2002";
    public const string UnknownNodeType = "ZAST2003";
    public const string WrongNodeType = "ZAST2004";
    public const string ExpectedKeyword = "ZAST2005";
    public const string UnknownField = "ZAST2006";
    public const string DuplicateField = "ZAST2007";
    public const string FieldOutOfOrder = "ZAST2008";
    public const string MissingField = "ZAST2009";
    public const string MissingValue = "ZAST2010";
    public const string ExpectedValue = "ZAST2011";
    public const string UnknownToken = "ZAST2012";
    public const string RequiredNodeIsNil = "ZAST2013";
    public const string TooManyDiagnostics = "ZAST2014";

    public const string TokenNotAllowed = "ZAST3001";
    public const string PositionOutsideFileSet = "ZAST3002";
    public const string BadFileBase = "ZAST3003";
    public const string BadLineTable = "ZAST3004";
    public const string BadFileSetBase = "ZAST3005";
    public const string EmptyList = "ZAST3006";

    public const string GoSyntaxError = "ZAST4001";
    public const string ConversionUnavailable = "ZAST4002";
    public const string InputError = "ZAST4003";
    public const string PrintFailed = "ZAST4004";
    public const string TreeTooDeep = "ZAST4005";
    public const string NotOneFile = "ZAST4006";

    private static readonly Dictionary<string, string> Templates = new(StringComparer.Ordinal)
    {
        [UnclosedList] = "'(' is never closed (end of input reached); it opened at {0}",
        [UnexpectedCloser] = "unexpected ')' with no open list; it is ignored",
        [UnterminatedString] = "string is never closed; it opened at {0}",
        [InvalidEscape] = "invalid escape sequence {0} in string",
        [IntegerOutOfRange] = "integer {0} is out of range",
        [EmptyKeyword] = "':' must be followed by a field name",
        [TooDeep] = "nesting is deeper than the limit of {0}",

        [ExpectedOneForm] = "expected exactly one top-level form, found {0}",
        [ExpectedNode] = "expected a {0} node form '(Type :field value ...)', got {1}",
        [UnknownNodeType] = "unknown node type '{0}'",
        [WrongNodeType] = "expected {0}, got {1}",
        [ExpectedKeyword] = "expected a field keyword like ':{0}', got {1}",
        [UnknownField] = "{0} has no field ':{1}' (its fields: {2})",
        [DuplicateField] = "field ':{0}' is given twice",
        [FieldOutOfOrder] = "field ':{0}' is out of order: canonical order is {1}",
        [MissingField] = "{0} is missing field ':{1}'",
        [MissingValue] = "field ':{0}' has no value",
        [ExpectedValue] = "expected {0}, got {1}",
        [UnknownToken] = "unknown token '{0}' (tokens are go/token names such as ADD, DEFINE, IMPORT)",
        [RequiredNodeIsNil] = "{0} cannot be nil here",
        [TooManyDiagnostics] = "too many errors; stopping after {0}",

        [TokenNotAllowed] = "token {0} is not allowed here (expected one of {1})",
        [PositionOutsideFileSet] = "position {0} is outside every file in the file set",
        [BadFileBase] = "file base {0} overlaps the previous file (the next free base is {1})",
        [BadLineTable] = "line table must start at 0 and increase strictly within the file's size {0}",
        [BadFileSetBase] = "file set base {0} should be {1}, just past its last file",
        [EmptyList] = "{0} needs at least one element",

        [GoSyntaxError] = "{0}",
        [ConversionUnavailable] = "{0} is not available in this build: {1}",
        [InputError] = "{0}",
        [PrintFailed] = "cannot print Go source: {0}",
        [TreeTooDeep] = "the tree is nested too deeply for this thread's stack (ZastTool runs on a large one)",
        [NotOneFile] = "to-go writes one Go file, but this program holds {0}",
    };

    public static IReadOnlyCollection<string> Ids => Templates.Keys;

    public static string Format(string id, IReadOnlyList<string> args) =>
        Templates.TryGetValue(id, out var template)
            ? string.Format(CultureInfo.InvariantCulture, template, [.. args])
            : $"{id}: {string.Join(", ", args)}";
}
