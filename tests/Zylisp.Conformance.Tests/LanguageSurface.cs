namespace Zylisp.Conformance.Tests;

/// <summary>
/// The names docs/language.md specifies: every core form, built-in macro and core library
/// function. The corpus must use each of them at least once (see <see cref="CorpusCoverageTests"/>).
/// </summary>
public static class LanguageSurface
{
    public static readonly IReadOnlyList<string> CoreForms =
        ["quote", "if", "do", "def", "fn", "let", "loop", "recur", "try", "catch", "finally", "throw", "var"];

    public static readonly IReadOnlyList<string> Macros =
    [
        "defmacro", "defn", "deffunc", "defvar", "defconst", "when", "unless", "cond", "case", "and", "or",
        "->", "->>", "if-let", "when-let", "dotimes", "doseq", "while", "macroexpand", "macroexpand-1", "gensym",
    ];

    /// <summary>The core library, grouped as in docs/language.md.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Functions = new Dictionary<string, IReadOnlyList<string>>
    {
        ["Arithmetic"] = ["+", "-", "*", "/", "mod", "rem", "quot", "inc", "dec", "max", "min", "abs"],
        ["Bit operations"] =
        [
            "bit-and", "bit-or", "bit-xor", "bit-not", "bit-shift-left", "bit-shift-right", "unsigned-bit-shift-right",
            "bit-test", "bit-set", "bit-clear", "bit-flip", "bit-and-not",
        ],
        ["Comparison"] = ["=", "not=", "==", "<", ">", "<=", ">=", "not"],
        ["Predicates"] =
        [
            "nil?", "some?", "true?", "false?", "number?", "integer?", "float?", "string?", "keyword?", "symbol?",
            "fn?", "list?", "vector?", "map?", "set?", "coll?", "seq?", "empty?", "zero?", "pos?", "neg?", "even?", "odd?",
        ],
        ["Collections"] =
        [
            "list", "vector", "hash-map", "hash-set", "vec", "set", "cons", "conj", "first", "rest", "next", "second",
            "last", "nth", "get", "get-in", "assoc", "assoc-in", "dissoc", "disj", "contains?", "keys", "vals", "count",
            "seq", "concat", "into", "reverse", "sort", "sort-by", "range", "repeat", "take", "drop", "take-while",
            "drop-while", "partition", "zipmap", "frequencies", "group-by", "update", "update-in", "merge", "select-keys", "find",
        ],
        ["Namespaces"] = ["ns", "require", "in-ns", "refer", "alias", "defn-"],
        ["Metadata"] = ["meta", "with-meta", "vary-meta", "var?", "var-get", "binding", "source"],
        ["Higher-order"] =
        [
            "map", "filter", "remove", "reduce", "apply", "comp", "partial", "identity", "constantly", "some", "every?",
            "mapcat", "keep", "reduced", "reduced?",
        ],
        ["Strings"] =
        [
            "str", "subs", "split", "join", "upper-case", "lower-case", "trim", "starts-with?", "ends-with?",
            "includes?", "index-of", "replace", "format", "parse-long", "parse-double", "name", "keyword", "symbol",
        ],
        ["Atoms"] = ["atom", "deref", "reset!", "swap!"],
        ["I/O"] =
        [
            "print", "println", "prn", "pr", "pr-str", "prn-str", "read-line", "read-string", "slurp", "spit", "load-file",
            "*command-line-args*",
        ],
        ["Misc"] = ["eval", "type", "gensym", "time", "rand-int", "doc", "dialect"],
        ["Records, protocols and multimethods"] =
        [
            "defrecord", "record?", "defprotocol", "extend-type", "extend-protocol", "satisfies?", "extends?",
            "defmulti", "defmethod", "methods", "remove-method", "instance?",
        ],
    };

    public static IEnumerable<string> AllNames =>
        CoreForms.Concat(Macros).Concat(Functions.Values.SelectMany(names => names)).Distinct(StringComparer.Ordinal);
}
