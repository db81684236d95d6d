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

    public string Format(IEnumerable<Diagnostic> diagnostics, SourceRegistry sources) =>
        new DiagnosticFormatter(sources, _format).FormatAll(diagnostics);

    /// <summary>
    /// Writes the errors among <paramref name="diagnostics"/>, after flushing standard output so they
    /// follow the output that preceded them. Warnings are left out: the engine wrote them when they arose.
    /// </summary>
    public void ReportErrors(IReadOnlyList<Diagnostic> diagnostics, SourceRegistry sources, StandardStreams streams)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            return;
        }

        streams.Out.Flush();
        streams.Error.Write(Format(errors, sources));
        streams.Error.Flush();
    }
}
