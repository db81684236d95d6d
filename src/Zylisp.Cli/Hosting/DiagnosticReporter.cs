using Zylisp.Cli.CommandLine;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Prints diagnostics the way a compiler does — <c>file:line:col: error: message</c>, the source
/// line, a caret, help and the Zylisp stack — by handing them to Lang's <see cref="DiagnosticFormatter"/>.
/// The CLI adds nothing to the wording; it only picks the options (<c>--terse</c>, <c>NO_COLOR</c>,
/// colour on a terminal) and where the text goes.
/// </summary>
internal sealed class DiagnosticReporter(OutputOptions options)
{
    // Built only when there is something to report: asking whether stderr is a terminal loads System.Console.
    private DiagnosticFormatOptions Format => DiagnosticFormatOptions.ForConsole(
        options.Terse,
        outputIsTerminal: !Console.IsErrorRedirected,
        Environment.GetEnvironmentVariable("NO_COLOR")) with
    {
        // --terse means one line per problem, for editors and scripts that parse them.
        ShowStackTrace = !options.Terse,
    };

    /// <summary>
    /// The errors among <paramref name="diagnostics"/>, formatted; null when there are none. Warnings are
    /// left out: the engine wrote them when they arose.
    /// </summary>
    public string? FormatErrors(IEnumerable<Diagnostic> diagnostics, SourceRegistry sources)
    {
        var errors = new List<Diagnostic>();
        foreach (var d in diagnostics)
        {
            if (d.IsError)
            {
                errors.Add(d); // a loop, not LINQ: this runs on every start, errors or not
            }
        }

        return errors.Count == 0 ? null : new DiagnosticFormatter(sources, Format).FormatAll(errors);
    }

    /// <summary>
    /// Writes the errors among <paramref name="diagnostics"/> (see <see cref="FormatErrors"/>), after
    /// flushing standard output so they follow the output that preceded them.
    /// </summary>
    public void ReportErrors(IReadOnlyList<Diagnostic> diagnostics, SourceRegistry sources, StandardStreams streams)
    {
        if (FormatErrors(diagnostics, sources) is not { } report)
        {
            return;
        }

        streams.Out.Flush();
        streams.Error.Write(report);
        streams.Error.Flush();
    }

    /// <summary>Writes every diagnostic, warnings included (for `zylisp lint`, whose findings are warnings).</summary>
    public void ReportAll(IReadOnlyList<Diagnostic> diagnostics, SourceRegistry sources, StandardStreams streams)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        streams.Out.Flush();
        streams.Error.Write(new DiagnosticFormatter(sources, Format).FormatAll(diagnostics));
        streams.Error.Flush();
    }
}
