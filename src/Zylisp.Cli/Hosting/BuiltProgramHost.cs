using Zylisp.Cli.CommandLine;
using Zylisp.Compiler.Clr;
using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// The host of persisted programs: the <c>Main</c> of a program built with
/// <c>zylisp build --target dotnet</c> calls <see cref="RunProgram"/>, and a cached <c>zylisp run</c>
/// calls <see cref="Run"/>. Either runs the program as <c>zylisp run</c> does (same I/O wiring,
/// diagnostics, interrupt handling and exit status), with its top-level forms on their persisted IL.
/// </summary>
public static class BuiltProgramHost
{
    /// <summary>The entry of a built program: its code type and its command-line arguments.</summary>
    public static int RunProgram(Type code, string[] args)
    {
        try
        {
            return Run(PersistedProgram.Load(code), args, OutputOptions.Default);
        }
        catch (Exception ex)
        {
            try
            {
                InternalErrorReport.Write(Console.Error, ex, verbose: false);
            }
            catch (IOException)
            {
                // Standard error itself is unwritable: the exit status is all that can still be said.
            }

            return ExitCodes.InternalError;
        }
    }

    internal static int Run(PersistedProgram program, IReadOnlyList<string> args, OutputOptions output)
    {
        using var streams = StandardStreams.Open();
        var engine = new Engine(new EngineOptions { Out = streams.Out, Error = streams.Error, CreateExecutionEngine = () => new PersistedEngine(program) });
        using var interrupt = new ProgramInterrupt();
        var result = engine.RunSource(program.Source, program.File, args, interrupt.Token);
        if (interrupt.WasInterrupted)
        {
            return DiagnosticReporter.ReportInterrupt(result.Diagnostics, engine.Sources, streams);
        }

        new DiagnosticReporter(output).ReportErrors(result.Diagnostics, engine.Sources, streams);
        return streams.Finish(result.ExitCode);
    }
}
