namespace Zylisp.Lang.Syntax;

/// <summary>
/// File name → source text, so a diagnostic formatter can quote the line a span points at.
/// One registry per engine; it is safe to use from several threads.
/// </summary>
/// <remarks>
/// A Dictionary under a lock rather than a ConcurrentDictionary: every engine creates a registry,
/// and the concurrent one loads System.Collections.Concurrent (and its generic code) on the start
/// of every <c>zylisp run</c>, while registrations are a handful per engine.
/// </remarks>
public sealed class SourceRegistry
{
    private readonly Dictionary<string, SourceText> files = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Registers (or replaces) the text of <paramref name="file"/>.</summary>
    public SourceText Add(string file, string text)
    {
        var source = new SourceText(file, text);
        lock (gate)
        {
            files[file] = source;
        }

        return source;
    }

    public bool TryGet(string file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SourceText? source)
    {
        lock (gate)
        {
            return files.TryGetValue(file, out source);
        }
    }

    /// <summary>The registered file names, as a snapshot.</summary>
    public IEnumerable<string> Files
    {
        get
        {
            lock (gate)
            {
                return [.. files.Keys];
            }
        }
    }
}
