using System.Globalization;
using System.Text;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Diagnostics;

/// <summary>
/// Renders diagnostics for people:
/// <code>
/// t.zl:1:10: error: expected ')' to close ... [ZL1014]
///    1 | (let [x 1) x
///      |          ^
/// t.zl:1:6: note: opened here
///    1 | (let [x 1) x
///      |      ^
///   help: Brackets must nest: ...
///   at f (t.zl:3:5)
/// </code>
/// The source lines come from a <see cref="SourceRegistry"/>; files it lacks are shown without excerpt.
/// </summary>
public sealed class DiagnosticFormatter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[1;33m";
    private const string Cyan = "\u001b[1;36m";
    private const string Green = "\u001b[32m";
    private const string Dim = "\u001b[2m";

    private readonly SourceRegistry? sources;
    private readonly DiagnosticFormatOptions options;

    public DiagnosticFormatter(SourceRegistry? sources, DiagnosticFormatOptions? options = null)
    {
        this.sources = sources;
        this.options = options ?? DiagnosticFormatOptions.Default;
    }

    public string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var sb = new StringBuilder();
        Append(sb, diagnostic);
        return sb.ToString();
    }

    /// <summary>Every diagnostic, each ending with a newline.</summary>
    public string FormatAll(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sb = new StringBuilder();
        int errors = 0;
        int omitted = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsError && ++errors > options.MaxErrors)
            {
                omitted++;
                continue;
            }

            Append(sb, diagnostic);
        }

        if (omitted > 0)
        {
            sb.Append(Paint(string.Create(CultureInfo.InvariantCulture, $"... and {omitted} more error{(omitted == 1 ? "" : "s")}"), Bold)).Append('\n');
        }

        return sb.ToString();
    }

    private void Append(StringBuilder sb, Diagnostic diagnostic)
    {
        string severity = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        };
        string severityColor = diagnostic.Severity switch
        {
            Severity.Error => Red,
            Severity.Warning => Yellow,
            _ => Cyan,
        };

        AppendHeader(sb, diagnostic.Span, severity, severityColor, diagnostic.Message, diagnostic.Id);
        AppendExcerpt(sb, diagnostic.Span, severityColor);
        foreach (var related in diagnostic.Related)
        {
            AppendHeader(sb, related.Span, "note", Cyan, related.Label, null);
            AppendExcerpt(sb, related.Span, Cyan);
        }

        if (!options.Terse && options.ShowHelp && diagnostic.Help is { } help)
        {
            sb.Append("  ").Append(Paint("help:", Green)).Append(' ').Append(help).Append('\n');
        }

        if (options.ShowStackTrace)
        {
            foreach (var frame in diagnostic.StackTrace)
            {
                sb.Append("  ").Append(Paint("at", Dim)).Append(' ').Append(frame.FunctionName);
                if (frame.Span is { } span)
                {
                    sb.Append(" (").Append(Location(span)).Append(')');
                }

                sb.Append('\n');
            }
        }
    }

    private void AppendHeader(StringBuilder sb, SourceSpan? span, string severity, string color, string message, string? id)
    {
        if (span is not null)
        {
            sb.Append(Paint(Location(span), Bold)).Append(": ");
        }

        sb.Append(Paint(severity + ":", color)).Append(' ').Append(message);
        if (id is not null)
        {
            sb.Append(" [").Append(id).Append(']');
        }

        sb.Append('\n');
    }

    private void AppendExcerpt(StringBuilder sb, SourceSpan? span, string color)
    {
        if (options.Terse || span is null || sources is null || !sources.TryGet(span.File, out var source))
        {
            return;
        }

        if (span.Line < 1 || span.Line > source.LineCount)
        {
            return;
        }

        string fullLine = source.GetLine(span.Line);
        int fullColumn = Math.Clamp(span.Column - 1, 0, fullLine.Length);
        int fullEnd = span.EndLine == span.Line ? span.EndColumn - 1 : fullLine.Length;
        var (line, column, end) = Window(fullLine, fullColumn, Math.Min(fullEnd, fullLine.Length), options.MaxExcerptWidth);
        string number = span.Line.ToString(CultureInfo.InvariantCulture);
        string gutter = new(' ', number.Length);
        sb.Append(' ').Append(Paint(number + " |", Dim)).Append(' ').Append(Printable(line)).Append('\n');

        // Keep tabs in the padding so the caret lines up however the terminal expands them.
        var padding = new StringBuilder(column);
        for (int i = 0; i < column; i++)
        {
            padding.Append(line[i] == '\t' ? '\t' : ' ');
        }

        int width = Math.Max(1, end - column);
        sb.Append(' ').Append(Paint(gutter + " |", Dim)).Append(' ').Append(padding)
            .Append(Paint("^" + new string('~', width - 1), color)).Append('\n');
    }

    /// <summary>
    /// The part of <paramref name="line"/> to show: all of it when it fits in
    /// <paramref name="maxWidth"/>, else a window starting a little before the caret, with "..."
    /// where it was cut; the caret's column and end are moved into the window.
    /// </summary>
    internal static (string Line, int Column, int End) Window(string line, int column, int end, int maxWidth)
    {
        if (line.Length <= maxWidth)
        {
            return (line, column, Math.Max(end, column));
        }

        const string Cut = "...";
        int start = Math.Max(0, Math.Min(column - (maxWidth / 4), line.Length - maxWidth));
        int stop = Math.Min(line.Length, start + maxWidth);
        string prefix = start > 0 ? Cut : "";
        string suffix = stop < line.Length ? Cut : "";
        string shown = prefix + line[start..stop] + suffix;
        int shownColumn = prefix.Length + Math.Clamp(column - start, 0, stop - start);
        int shownEnd = prefix.Length + Math.Clamp(end - start, 0, stop - start);
        return (shown, shownColumn, Math.Max(shownEnd, shownColumn));
    }

    private static string Location(SourceSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}:{span.Column}");

    // Control characters in the excerpt would corrupt the terminal or shift the caret.
    private static string Printable(string line)
    {
        foreach (char c in line)
        {
            if (c < ' ' && c != '\t')
            {
                return string.Concat(line.Select(ch => ch < ' ' && ch != '\t' ? ' ' : ch));
            }
        }

        return line;
    }

    private string Paint(string text, string color) => options.Color ? color + text + Reset : text;
}
