using System.Reflection;

namespace Zylisp.Lang.Prelude;

/// <summary>The Zylisp source of the prelude (prelude.zl), embedded in the assembly.</summary>
internal static class PreludeSource
{
    public const string FileName = "<prelude>";

    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(PreludeSource).Assembly.GetManifestResourceStream("Zylisp.Lang.Prelude.prelude.zl")
            ?? throw new InvalidOperationException("the prelude resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Text => Source.Value;
}
