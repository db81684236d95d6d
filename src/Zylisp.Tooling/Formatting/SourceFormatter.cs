using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;
using Zylisp.Tooling.Syntax;

namespace Zylisp.Tooling.Formatting;

/// <summary>What formatting one source text gave: the new text, or the read errors that stopped it.</summary>
public sealed record FormatResult(string? Formatted, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the text was formatted; false when it has read errors and was left alone.</summary>
    public bool Success => Formatted is not null;
}

/// <summary>
/// <c>zylisp format</c>'s engine: source text in, formatted text out (docs/design/formatting.md).
/// Text with read errors is never formatted; its errors are returned instead. The result reads
/// back to the same forms as the input and formatting it again changes nothing.
/// </summary>
public static class SourceFormatter
{
    public static FormatResult Format(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var errors = ReadErrors(text, file);
        if (errors.Count > 0)
        {
            return new FormatResult(null, errors);
        }

        if (ConcreteParser.Parse(text) is not { } document)
        {
            // The language reader accepted what the syntax tree could not structure: a bug here,
            // reported rather than risking the file.
            return new FormatResult(null, [Diagnostic.Create(DiagnosticIds.HostError, null, "the formatter could not parse " + file)]);
        }

        return new FormatResult(LayoutWriter.Write(document), []);
    }

    /// <summary>
    /// The language reader's errors for the text. SLisp's repeated set-literal elements (ZL1009)
    /// are not errors in a .slisp file (docs/design/dialects.md), so they do not stop formatting.
    /// </summary>
    private static List<Diagnostic> ReadErrors(string text, string file)
    {
        bool slisp = file.EndsWith(".slisp", StringComparison.OrdinalIgnoreCase);
        var errors = new List<Diagnostic>();
        foreach (var d in Reader.ReadAll(text, file).Diagnostics)
        {
            if (d.IsError && !(slisp && d.Id == DiagnosticIds.DuplicateSetElement))
            {
                errors.Add(d);
            }
        }

        return errors;
    }
}
