using System.Collections.Concurrent;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// File name → source text, so a diagnostic formatter can quote the line a span points at.
/// One registry per engine; it is safe to use from several threads.
/// </summary>
public sealed class SourceRegistry
{
    private readonly ConcurrentDictionary<string, SourceText> files = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) the text of <paramref name="file"/>.</summary>
    public SourceText Add(string file, string text)
    {
        var source = new SourceText(file, text);
        files[file] = source;
        return source;
    }

    public bool TryGet(string file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SourceText? source) =>
        files.TryGetValue(file, out source);

    public IEnumerable<string> Files => files.Keys;
}
