using System.Collections.Frozen;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// The SLisp dialect, decided per compilation unit: besides SLisp truthiness on every <c>if</c>,
/// these globals resolve to SLisp variants at analysis time.
/// </summary>
internal static class Dialects
{
    public static readonly FrozenDictionary<string, string> SlispAliases = new Dictionary<string, string>
    {
        ["str"] = "%slisp-str",
        ["not"] = "%slisp-not",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True for files that use SLisp rules by their extension.</summary>
    public static bool IsSlispFile(string file) => file.EndsWith(".slisp", StringComparison.OrdinalIgnoreCase);
}
