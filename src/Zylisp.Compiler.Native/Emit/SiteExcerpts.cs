using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The source excerpt (the line and a caret under the span) printed under an uncaught error,
/// made at compile time with the interpreter's own formatter, so the two reports look alike.
/// Files are read once per compilation; a span whose file cannot be read has no excerpt.
/// </summary>
internal sealed class SiteExcerpts
{
    private static readonly DiagnosticFormatOptions Plain = new() { ShowHelp = false, Color = false, ShowStackTrace = false };
    private readonly SourceRegistry sources = new();
    private readonly HashSet<string> tried = new(StringComparer.Ordinal);

    public string For(SourceSpan span)
    {
        if (tried.Add(span.File))
        {
            try
            {
                if (File.Exists(span.File))
                {
                    sources.Add(span.File, File.ReadAllText(span.File));
                }
            }
            catch (IOException)
            {
                // No excerpt: the first line of the report still names the place.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }

        var report = new DiagnosticFormatter(sources, Plain).Format(Diagnostic.Create(DiagnosticIds.WrongType, span, "", "", ""));
        var firstLineEnd = report.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? "" : report[(firstLineEnd + 1)..];
    }
}
