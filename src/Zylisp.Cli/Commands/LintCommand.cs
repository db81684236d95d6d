using Zylisp.Lang.Runtime;
using System.Text.Json;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;
using Zylisp.Tooling.Linting;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp lint FILE… [--json]</c>: reports findings as the compiler reports diagnostics
/// (file:line:col, id, excerpt, help), or with <c>--json</c> one JSON object per line and finding,
/// for editors. Exits 1 when anything is found (read errors included).
/// </summary>
internal static class LintCommand
{
    public static int Execute(IReadOnlyList<string> paths, bool json, OutputOptions options)
    {
        using var streams = StandardStreams.Open();
        var linter = new Linter();
        var reporter = new DiagnosticReporter(options);
        int status = ExitCodes.Success;
        foreach (var path in paths)
        {
            if (!SourceFileArgument.TryRead(path, "lint", streams.Error, out var name, out var text))
            {
                status = Math.Max(status, ExitCodes.Usage);
                continue;
            }

            var result = linter.Lint(text, name);
            var all = result.Errors.Concat(result.Findings).ToList();
            if (all.Count == 0)
            {
                continue;
            }

            status = Math.Max(status, ExitCodes.ProgramFailed);
            if (json)
            {
                foreach (var d in all)
                {
                    streams.Out.WriteLine(ToJson(d));
                }
            }
            else
            {
                var sources = new SourceRegistry();
                sources.Add(name, text);
                reporter.ReportAll(all, sources, streams);
            }
        }

        return status;
    }

    /// <summary>One finding as a single-line JSON object: file, line, column, end, id, severity, message, help.</summary>
    internal static string ToJson(Diagnostic d)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("file", d.Span?.File);
            writer.WriteNumber("line", d.Span?.Line ?? 0);
            writer.WriteNumber("column", d.Span?.Column ?? 0);
            writer.WriteNumber("endLine", d.Span?.EndLine ?? 0);
            writer.WriteNumber("endColumn", d.Span?.EndColumn ?? 0);
            writer.WriteString("id", d.Id);
            writer.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            writer.WriteString("message", d.Message);
            writer.WriteString("help", d.Help);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
