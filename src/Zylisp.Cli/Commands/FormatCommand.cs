using Zylisp.Lang.Runtime;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Lang.Syntax;
using Zylisp.Tooling.Formatting;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp format FILE… [--check]</c>: rewrites files in place (<c>-</c>: stdin to stdout).
/// <c>--check</c> changes nothing, lists the files that would change and exits 1 if any would.
/// A file with read errors is left untouched and its errors are reported (exit 1).
/// </summary>
internal static class FormatCommand
{
    public static int Execute(IReadOnlyList<string> paths, bool check, OutputOptions options)
    {
        using var streams = StandardStreams.Open();
        var reporter = new DiagnosticReporter(options);
        int status = ExitCodes.Success;
        foreach (var path in paths)
        {
            if (!SourceFileArgument.TryRead(path, "format", streams.Error, out var name, out var text))
            {
                status = Math.Max(status, ExitCodes.Usage);
                continue;
            }

            var result = SourceFormatter.Format(text, name);
            if (!result.Success)
            {
                var sources = new SourceRegistry();
                sources.Add(name, text);
                reporter.ReportErrors(result.Diagnostics, sources, streams);
                status = Math.Max(status, ExitCodes.ProgramFailed);
                continue;
            }

            bool changed = result.Formatted != text;
            if (check)
            {
                if (changed)
                {
                    streams.Out.WriteLine(name);
                    status = Math.Max(status, ExitCodes.ProgramFailed);
                }
            }
            else if (path == RunRequest.StandardInput)
            {
                streams.Out.Write(result.Formatted);
            }
            else if (changed)
            {
                File.WriteAllText(path, result.Formatted);
            }
        }

        return status;
    }
}
