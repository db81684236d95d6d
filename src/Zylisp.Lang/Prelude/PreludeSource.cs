namespace Zylisp.Lang.Prelude;

/// <summary>
/// The Zylisp source of the prelude (prelude.zl, strings-and-sets.zl, vars.zl, walk.zl, each followed by a
/// line break), compiled into the assembly as one string literal by Zylisp.Lang.csproj.
/// </summary>
internal static class PreludeSource
{
    public const string FileName = "<prelude>";

    public static string Text => PreludeText.Text;
}
