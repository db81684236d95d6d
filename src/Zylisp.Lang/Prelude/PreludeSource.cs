using System.Reflection;

namespace Zylisp.Lang.Prelude;

/// <summary>The Zylisp source of the prelude (prelude.zl, strings-and-sets.zl, vars.zl), embedded in the assembly as one text.</summary>
internal static class PreludeSource
{
    public const string FileName = "<prelude>";

    private static readonly string[] Files = ["prelude.zl", "strings-and-sets.zl", "vars.zl"];

    private static readonly Lazy<string> Source = new(() => string.Concat(Files.Select(Resource)));

    private static string Resource(string file)
    {
        using var stream = typeof(PreludeSource).Assembly.GetManifestResourceStream("Zylisp.Lang.Prelude." + file)
            ?? throw new InvalidOperationException("the prelude resource " + file + " is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd() + "\n";
    }

    public static string Text => Source.Value;
}
