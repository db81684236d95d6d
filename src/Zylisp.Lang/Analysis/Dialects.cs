using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// The SLisp dialect, decided per compilation unit: besides SLisp truthiness on every <c>if</c>,
/// these globals resolve to SLisp variants at analysis time, and a set literal's repeated
/// elements are dropped instead of reported (see Pipeline.Read).
/// </summary>
internal static class Dialects
{
    // Not frozen: building a FrozenDictionary costs framework JIT on every start for two entries.
    public static readonly IReadOnlyDictionary<string, string> SlispAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["str"] = "%slisp-str",
        ["not"] = "%slisp-not",
        // SLisp's constructors take elements: (vec 7 11 13) is [7 11 13], (set 1 2 3) is #{1 2 3}.
        ["vec"] = "vector",
        ["set"] = "hash-set",
    };

    /// <summary>
    /// The namespaces a qualified name may use until namespaces land: the JVM's Math class and
    /// clojure.math (whose functions are Zylisp's core math functions), and the core itself.
    /// Any other qualifier is an error, never silently resolved by the bare name.
    /// </summary>
    public static bool IsKnownNamespace(string ns) => ns is "Math" or "clojure.math" or "clojure.core" or "zylisp.core";

    /// <summary>True for files that use SLisp rules by their extension.</summary>
    public static bool IsSlispFile(string file) => file.EndsWith(".slisp", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// SLisp writes set literals with repeated elements (#{1 2 2 3} is #{1 2 3}). The reader has
    /// already dropped the repeats and reported each as ZL1009; this removes those reports where
    /// SLisp rules apply: the whole of a .slisp file, and a .zl file after (dialect :slisp).
    /// </summary>
    public static ReadResult DropSlispSetDuplicates(ReadResult read, string file)
    {
        bool slisp = IsSlispFile(file);
        if (!slisp && !read.Forms.Any(IsSlispDirective))
        {
            return read;
        }

        // Offsets where the dialect switches, in order: (offset, slisp from there on).
        var switches = new List<(int Offset, bool Slisp)> { (0, slisp) };
        for (int i = 0; i < read.Forms.Count; i++)
        {
            if (read.Forms[i] is PersistentList { Count: 2, First: Symbol { Namespace: null, Name: "dialect" } } directive
                && directive.Rest.First is Keyword k)
            {
                switches.Add((read.FormSpans[i].EndOffset, k.Name == "slisp"));
            }
        }

        bool SlispAt(int offset) => switches.Last(s => s.Offset <= offset).Slisp;
        var kept = read.Diagnostics
            .Where(d => !(d.Id == DiagnosticIds.DuplicateSetElement && d.Span is { } span && SlispAt(span.StartOffset)))
            .ToList();
        return kept.Count == read.Diagnostics.Count ? read : new ReadResult(read.Forms, read.FormSpans, kept, read.EndedInsideForm);
    }

    private static bool IsSlispDirective(object? form) =>
        form is PersistentList { Count: 2, First: Symbol { Namespace: null, Name: "dialect" }, Rest.First: Keyword { Name: "slisp" } };
}
