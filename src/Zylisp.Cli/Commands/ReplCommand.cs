using Spectre.Console;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Repl.LineEditing;

namespace Zylisp.Cli.Commands;

/// <summary><c>zylisp</c> / <c>zylisp repl</c>: the local REPL, line-edited on a terminal and plain otherwise.</summary>
internal static class ReplCommand
{
    public static int Execute(OutputOptions options, EngineChoice engineChoice = EngineChoice.Tiered)
    {
        using var streams = StandardStreams.OpenThroughConsole();
        var profile = TerminalProfile.Detect();
        var reporter = new DiagnosticReporter(options);
        using var interrupts = new InterruptRouter();
        var engine = EngineHost.Create(streams, engineChoice);
        var evaluator = new EngineReplEvaluator(engine, reporter);

        using IReplInput input = profile.LineEditing
            ? new LineEditorInput(AnsiConsole.Console, ReplHistory.Open(Environment.GetEnvironmentVariable), () => evaluator.Names, evaluator.Classify)
            // Typing with stdout redirected (`zylisp repl > out.txt`): prompts go to stderr, as
            // Python's do, so the file holds only values.
            : new PlainInput(Console.In, Console.IsOutputRedirected ? streams.Error : streams.Out, profile.ShowPrompts);
        if (profile.LineEditing)
        {
            streams.Out.WriteLine($"Zylisp {VersionInfo.Current.Version} REPL. Ctrl+D exits, Ctrl+C interrupts, (doc name) describes a name.");
            streams.Out.Flush();
        }

        return new ReplSession(input, evaluator, streams.Out, streams.Error, interrupts).Run();
    }
}
