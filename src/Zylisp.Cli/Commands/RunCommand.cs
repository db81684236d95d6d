using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Lang.Syntax;

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
        string source;
        var path = request.ReadsStandardInput ? RunRequest.StandardInput : request.Path;
        if (CommandInput.TryReadBytes(path, out var problem) is { } bytes)
        {
            // Read here, once, rather than testing File.Exists and letting the engine read it again.
            source = Utf8Source.Decode(bytes);
        }
        else
        {
            streams.Error.WriteLine($"zylisp: cannot run '{(request.ReadsStandardInput ? StandardInputName : request.Path)}': {Explain(request.Path, problem)}");
            streams.Error.WriteLine("Try 'zylisp --help' for the commands.");
            return ExitCodes.Usage;
        }

        var name = request.ReadsStandardInput ? StandardInputName : request.Path;
        var engine = EngineHost.CreateForFile(streams, request.Engine, source, name, useCache: !request.NoCache && !request.ReadsStandardInput, out var saveCache);
        using var interrupt = new ProgramInterrupt();
        var result = engine.RunSource(source, name, request.Arguments, interrupt.Token);
        if (interrupt.WasInterrupted)
        {
            return DiagnosticReporter.ReportInterrupt(result.Diagnostics, engine.Sources, streams);
        }

        // The next run of this unchanged file takes the code this one compiled from the cache.
        saveCache?.Invoke();

        new DiagnosticReporter(request.Output).ReportErrors(result.Diagnostics, engine.Sources, streams);
        return streams.Finish(result.ExitCode);
    }

    /// <summary>A bare word that is not a file may have been meant as a command.</summary>
    private static string Explain(string path, string problem) =>
        problem == CommandInput.NoSuchFile && !path.Contains('/') && !path.Contains('.')
            ? "no such file (and not a command)"
            : problem;
}
