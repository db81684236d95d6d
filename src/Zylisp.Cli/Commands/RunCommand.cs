using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp run FILE ARGS…</c>, <c>zylisp FILE</c>, <c>zylisp -</c> and piped input: load the
/// script and call <c>-main</c>. The exit status is <c>-main</c>'s integer result, 1 on error.
/// </summary>
internal static class RunCommand
{
    public const string StandardInputName = "<stdin>";

    public static int Execute(RunRequest request)
    {
        using var streams = StandardStreams.Open();
        string? standardInput = null;
        if (request.ReadsStandardInput)
        {
            standardInput = Console.In.ReadToEnd();
        }
        else if (!File.Exists(request.Path))
        {
            streams.Error.WriteLine($"zylisp: cannot run '{request.Path}': {MissingFileReason(request.Path)}");
            streams.Error.WriteLine("Try 'zylisp --help' for the commands.");
            return ExitCodes.Usage;
        }

        var engine = EngineHost.Create(streams);
        var result = standardInput is null
            ? engine.RunFile(request.Path, request.Arguments)
            : engine.RunSource(standardInput, StandardInputName, request.Arguments);
        new DiagnosticReporter(request.Output).ReportErrors(result.Diagnostics, engine.Sources, streams);
        return result.ExitCode;
    }

    private static string MissingFileReason(string path) =>
        Directory.Exists(path) ? "is a directory"
        : path.Contains('/') || path.Contains('.') ? "no such file"
        : "no such file (and not a command)";
}
