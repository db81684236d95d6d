using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Compilation;

/// <summary>Which source spans are the prelude's, for backends that locate errors as the interpreter does.</summary>
public static class CoreSource
{
    /// <summary>The file name prelude spans carry.</summary>
    public const string PreludeFile = Prelude.PreludeSource.FileName;

    /// <summary>
    /// True for a span inside the prelude. The interpreter reports an error raised in prelude
    /// code at the innermost call the program wrote, so a backend should not record these as sites.
    /// </summary>
    public static bool IsPrelude(SourceSpan? span) => span?.File == PreludeFile;
}
