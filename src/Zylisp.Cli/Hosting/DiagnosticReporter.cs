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
    private readonly DiagnosticFormatOptions _format = DiagnosticFormatOptions.ForConsole(
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
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0 ? null : new DiagnosticFormatter(sources, _format).FormatAll(errors);
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
}
