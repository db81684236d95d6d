using System.Globalization;
using System.Text;

namespace Zylisp.Zast.Diagnostics;

/// <summary>How a diagnostic's column counts: zast text reports characters, Go source (like go/scanner) UTF-8 bytes.</summary>
public enum ZastColumnUnit
{
    Characters,
    Utf8Bytes,
}

/// <summary>
/// Renders diagnostics about one source text the way every Zylisp tool prints errors:
/// <code>
/// a.zast:3:7: error: File.decls[0]: unknown node type 'Foo' [ZAST2003]
///  3 |   (Foo :x 1)
///    |    ^
/// </code>
/// The header is <see cref="ZastDiagnostic.ToString"/>; the excerpt is shown for diagnostics in
/// <paramref name="fileName"/> whose line exists in <paramref name="source"/>.
/// </summary>
/// <param name="fileName">The name the diagnostics use for <paramref name="source"/>.</param>
/// <param name="source">The text that was read, or null when it is not at hand (headers only).</param>
/// <param name="columns">What the diagnostics' columns count.</param>
public sealed class ZastDiagnosticFormatter(string fileName, string? source, ZastColumnUnit columns = ZastColumnUnit.Characters)
{
    private readonly int[] _lineStarts = LineStarts(source);

    /// <summary>The header line, then (unless <paramref name="excerpt"/> is false) the source line and a caret.</summary>
    public string Format(ZastDiagnostic diagnostic, bool excerpt = true)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var text = new StringBuilder();
        Append(text, diagnostic, excerpt);
        return text.ToString();
    }

    /// <summary>Most errors <see cref="FormatAll"/> writes in full, as the language's RuntimeLimits.MaxReportedErrors.</summary>
    public const int DefaultMaxErrors = 20;

    /// <summary>Widest excerpt: a longer source line is shown as a window around the caret.</summary>
    public const int MaxExcerptWidth = 120;

    /// <summary>Every diagnostic, each ending with a newline; past <paramref name="maxErrors"/> errors, a count of the rest.</summary>
    public string FormatAll(IEnumerable<ZastDiagnostic> diagnostics, bool excerpt = true, int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = new StringBuilder();
        int errors = 0, omitted = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == ZastSeverity.Error && ++errors > maxErrors)
            {
                omitted++;
                continue;
            }

            Append(text, diagnostic, excerpt);
        }

        if (omitted > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"... and {omitted} more error{(omitted == 1 ? "" : "s")}\n");
        }

        return text.ToString();
    }

    private void Append(StringBuilder text, ZastDiagnostic diagnostic, bool excerpt)
    {
        text.Append(diagnostic).Append('\n');
        if (excerpt && Line(diagnostic.Location) is { } line)
        {
            AppendExcerpt(text, diagnostic.Location, line);
        }
    }

    private string? Line(SourceLocation location)
    {
        if (source is null || location.File != fileName || location.Line < 1 || location.Line > _lineStarts.Length)
        {
            return null;
        }

        var start = _lineStarts[location.Line - 1];
        var end = source.IndexOf('\n', start);
        var line = source[start..(end < 0 ? source.Length : end)];
        return line.EndsWith('\r') ? line[..^1] : line;
    }

    private void AppendExcerpt(StringBuilder text, SourceLocation location, string fullLine)
    {
        var number = location.Line.ToString(CultureInfo.InvariantCulture);
        var (line, column) = Window(fullLine, CharacterIndex(fullLine, location.Column));
        text.Append(' ').Append(number).Append(" | ").Append(Printable(line)).Append('\n');

        // Tabs stay tabs in the padding so the caret lines up however the terminal expands them.
        var padding = new StringBuilder(column);
        for (var i = 0; i < column; i++)
        {
            padding.Append(line[i] == '\t' ? '\t' : ' ');
        }

        text.Append(' ').Append(' ', number.Length).Append(" | ").Append(padding).Append("^\n");
    }

    /// <summary>
    /// The line as shown: whole if it fits <see cref="MaxExcerptWidth"/>, else a window starting a
    /// little before the caret with "..." where it was cut, so an error on a 10 MB line writes a short excerpt.
    /// </summary>
    internal static (string Line, int Column) Window(string line, int column)
    {
        if (line.Length <= MaxExcerptWidth)
        {
            return (line, column);
        }

        var start = Math.Max(0, Math.Min(column - (MaxExcerptWidth / 4), line.Length - MaxExcerptWidth));
        var stop = Math.Min(line.Length, start + MaxExcerptWidth);
        var prefix = start > 0 ? "..." : "";
        var shown = prefix + line[start..stop] + (stop < line.Length ? "..." : "");
        return (shown, prefix.Length + Math.Clamp(column - start, 0, stop - start));
    }

    /// <summary>The index in <paramref name="line"/> of the 1-based <paramref name="column"/>, clamped to the line.</summary>
    private int CharacterIndex(string line, int column)
    {
        var wanted = Math.Max(0, column - 1);
        if (columns == ZastColumnUnit.Characters)
        {
            return Math.Min(wanted, line.Length);
        }

        var bytes = 0;
        var index = 0;
        while (index < line.Length && bytes < wanted)
        {
            var width = char.IsSurrogatePair(line, index) ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(line.AsSpan(index, width));
            index += width;
        }

        return index;
    }

    // Control characters in the excerpt would corrupt the terminal or shift the caret.
    private static string Printable(string line) =>
        line.Any(c => c < ' ' && c != '\t') ? string.Concat(line.Select(c => c < ' ' && c != '\t' ? ' ' : c)) : line;

    private static int[] LineStarts(string? source)
    {
        if (source is null)
        {
            return [];
        }

        var starts = new List<int> { 0 };
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
