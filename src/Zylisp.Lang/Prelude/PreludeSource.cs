using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Prelude;

/// <summary>The Zylisp source of the prelude (prelude.zl, strings-and-sets.zl, vars.zl), embedded in the assembly as one text.</summary>
internal static class PreludeSource
{
    public const string FileName = "<prelude>";

    private static readonly string[] Files = ["prelude.zl", "strings-and-sets.zl", "vars.zl"];

    private static readonly Lazy<string> Source = new(() => string.Concat(Files.Select(Resource)));

    // The bytes straight from the mapped assembly and widened by Utf8Source: a StreamReader's
    // UTF-8 decoder cost ~1.6 ms of CPU on every start (docs/design/cli-startup.md).
    private static string Resource(string file)
    {
        using var stream = typeof(PreludeSource).Assembly.GetManifestResourceStream("Zylisp.Lang.Prelude." + file)
            ?? throw new InvalidOperationException("the prelude resource " + file + " is missing from the assembly");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Utf8Source.Decode(bytes) + "\n";
    }

    public static string Text => Source.Value;
}
