namespace Zylisp.Lang.Namespaces;

/// <summary>
/// The namespaces the core library answers for. <c>zylisp.core</c> is every core and prelude
/// global under its bare name and is referred everywhere; <c>zylisp.string</c> and
/// <c>zylisp.set</c> export the string and set functions, <c>zylisp.walk</c> the tree walkers (some under a different global: the
/// string <c>reverse</c> is not the sequence one). Clojure's names for them, and the JVM's
/// <c>Math</c>, are accepted as the same namespaces so a Clojure file's <c>ns</c> form works unchanged.
/// </summary>
internal static class CoreNamespaces
{
    public const string Core = "zylisp.core";
    public const string String = "zylisp.string";
    public const string Set = "zylisp.set";
    public const string Walk = "zylisp.walk";

    /// <summary>The canonical core namespace <paramref name="name"/> stands for, or null.</summary>
    public static string? Canonical(string name) => name switch
    {
        "zylisp.core" or "clojure.core" or "Math" or "clojure.math" => Core,
        "zylisp.string" or "clojure.string" => String,
        "zylisp.set" or "clojure.set" => Set,
        "zylisp.walk" or "clojure.walk" => Walk,
        _ => null,
    };

    /// <summary>The exported names of zylisp.string and zylisp.set, each with the core global it is.</summary>
    public static IReadOnlyDictionary<string, string>? Exports(string canonical) => canonical switch
    {
        String => StringExports,
        Set => SetExports,
        Walk => WalkExports,
        _ => null,
    };

    private static readonly Dictionary<string, string> StringExports = new(StringComparer.Ordinal)
    {
        ["blank?"] = "blank?",
        ["capitalize"] = "capitalize",
        ["ends-with?"] = "ends-with?",
        ["escape"] = "%string-escape",
        ["includes?"] = "includes?",
        ["index-of"] = "index-of",
        ["join"] = "join",
        ["last-index-of"] = "%string-last-index-of",
        ["lower-case"] = "lower-case",
        ["replace"] = "replace",
        ["replace-first"] = "%string-replace-first",
        ["reverse"] = "%string-reverse",
        ["split"] = "split",
        ["split-lines"] = "split-lines",
        ["starts-with?"] = "starts-with?",
        ["trim"] = "trim",
        ["trim-newline"] = "%string-trim-newline",
        ["triml"] = "triml",
        ["trimr"] = "trimr",
        ["upper-case"] = "upper-case",
    };

    private static readonly Dictionary<string, string> WalkExports = new(StringComparer.Ordinal)
    {
        ["keywordize-keys"] = "%walk-keywordize-keys",
        ["postwalk"] = "%walk-postwalk",
        ["postwalk-replace"] = "%walk-postwalk-replace",
        ["prewalk"] = "%walk-prewalk",
        ["prewalk-replace"] = "%walk-prewalk-replace",
        ["stringify-keys"] = "%walk-stringify-keys",
        ["walk"] = "%walk",
    };

    private static readonly Dictionary<string, string> SetExports = new(StringComparer.Ordinal)
    {
        ["difference"] = "%set-difference",
        ["index"] = "%set-index",
        ["intersection"] = "%set-intersection",
        ["join"] = "%set-join",
        ["map-invert"] = "%set-map-invert",
        ["project"] = "%set-project",
        ["rename-keys"] = "%set-rename-keys",
        ["select"] = "%set-select",
        ["subset?"] = "%set-subset?",
        ["superset?"] = "%set-superset?",
        ["union"] = "%set-union",
    };
}
