namespace Zylisp.Lang.Analysis;

/// <summary>
/// The SLisp dialect, decided per compilation unit: besides SLisp truthiness on every <c>if</c>,
/// these globals resolve to SLisp variants at analysis time.
/// </summary>
internal static class Dialects
{
    // Not frozen: building a FrozenDictionary costs framework JIT on every start for two entries.
    public static readonly IReadOnlyDictionary<string, string> SlispAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["str"] = "%slisp-str",
        ["not"] = "%slisp-not",
    };

    /// <summary>True for files that use SLisp rules by their extension.</summary>
    public static bool IsSlispFile(string file) => file.EndsWith(".slisp", StringComparison.OrdinalIgnoreCase);
}
