using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Lang.Printing;

namespace Zylisp.Cli.Commands;

/// <summary><c>zylisp eval 'EXPR…'</c>: evaluate the forms and print the value of the last one.</summary>
internal static class EvalCommand
{
    public const string SourceName = "<eval>";

    public static int Execute(IReadOnlyList<string> expressions, OutputOptions options, EngineChoice engineChoice = EngineChoice.Interp)
    {
        using var streams = StandardStreams.Open();
        var source = string.Join('\n', expressions);
        var engine = EngineHost.Create(streams, engineChoice);
        using var interrupt = new ProgramInterrupt();
        var result = engine.Eval(source, SourceName, interrupt.Token);
        if (interrupt.WasInterrupted)
        {
            return DiagnosticReporter.ReportInterrupt(result.Diagnostics, engine.Sources, streams);
        }

        new DiagnosticReporter(options).ReportErrors(result.Diagnostics, engine.Sources, streams);
        if (!result.Success)
        {
            return ExitCodes.ProgramFailed;
        }

        streams.Out.WriteLine(Printer.PrStr(result.Value, engine.Options.Limits));
        return streams.Finish(ExitCodes.Success);
    }
}
