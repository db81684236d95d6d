namespace Zylisp.Lang.Diagnostics;

/// <summary>How <see cref="DiagnosticFormatter"/> renders: everything on by default except color.</summary>
public sealed record DiagnosticFormatOptions
{
    public static DiagnosticFormatOptions Default { get; } = new();

    /// <summary>One header line per diagnostic and location, no source excerpt or help (<c>--terse</c>).</summary>
    public bool Terse { get; init; }

    /// <summary>Friendly help from the catalogue under the excerpt.</summary>
    public bool ShowHelp { get; init; } = true;

    /// <summary>ANSI colors for severities, carets and help.</summary>
    public bool Color { get; init; }

    /// <summary>The Zylisp stack trace of run-time errors.</summary>
    public bool ShowStackTrace { get; init; } = true;

    /// <summary>
    /// Most errors written in full by <see cref="DiagnosticFormatter.FormatAll"/>; a last line
    /// counts the rest. Defaults to <see cref="RuntimeLimits.MaxReportedErrors"/>.
    /// </summary>
    public int MaxErrors { get; init; } = new RuntimeLimits().MaxReportedErrors;

    /// <summary>
    /// Widest source excerpt, in characters: a longer line is shown as a window around the caret
    /// with "..." at the cut ends, so an error on a 10 MB line writes a short line, not 10 MB.
    /// </summary>
    public int MaxExcerptWidth { get; init; } = 120;

    /// <summary>
    /// Options for a command-line host: <c>--terse</c> or the NO_COLOR convention turn help off,
    /// and color is used only on a terminal without NO_COLOR.
    /// </summary>
    public static DiagnosticFormatOptions ForConsole(bool terse, bool outputIsTerminal, string? noColorVariable)
    {
        bool noColor = !string.IsNullOrEmpty(noColorVariable);
        return new DiagnosticFormatOptions
        {
            Terse = terse,
            ShowHelp = !terse && !noColor,
            Color = outputIsTerminal && !noColor,
        };
    }
}
