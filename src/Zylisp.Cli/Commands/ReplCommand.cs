using Spectre.Console;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Repl.LineEditing;
using Zylisp.Lang;
using Zylisp.Lang.Runtime;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp</c> / <c>zylisp repl</c>: the terminal client of a private nREPL server with one worker
/// process, so a crash or a runaway loop costs the worker, not the session. <c>--local</c> evaluates
/// in this process instead. Line-edited on a terminal and plain otherwise.
/// </summary>
internal static class ReplCommand
{
    /// <param name="engineChoice">The engine of the local REPL, or of the session in the worker.</param>
    public static int Execute(OutputOptions options, bool local = false, EngineChoice engineChoice = EngineChoice.Tiered) =>
        local ? ExecuteLocal(options, engineChoice) : ExecuteThroughServer(options, engineChoice);

    /// <summary>
    /// A server in this process on a loopback port of the OS's choosing, with one worker. The
    /// server, the connection and the session start in the background while the terminal comes
    /// up; the first request waits for them, the prompt does not.
    /// </summary>
    private static int ExecuteThroughServer(OutputOptions options, EngineChoice engineChoice)
    {
        if (StandardInputState.WasClosed())
        {
            // Nothing can ever be typed: the session is over before it starts, as with </dev/null.
            return ExitCodes.Success;
        }

        var serverStart = Task.Run(() => Zylisp.Repl.Server.NreplServer.StartAsync(new Zylisp.Repl.Server.NreplServerOptions { Workers = 1, Engine = EngineChoices.NameOf(engineChoice) }));
        var connection = serverStart.ContinueWith(
            async started => await ConnectCommand.ConnectAsync("127.0.0.1", (await started.ConfigureAwait(false)).Port).ConfigureAwait(false),
            TaskScheduler.Default).Unwrap();
        try
        {
            return ConnectCommand.RunClient(connection, options, "evaluating in a worker process");
        }
        finally
        {
            serverStart.GetAwaiter().GetResult().DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int ExecuteLocal(OutputOptions options, EngineChoice engineChoice)
    {
        if (StandardInputState.WasClosed())
        {
            // Nothing can ever be typed: the session is over before it starts, as with </dev/null.
            return ExitCodes.Success;
        }

        // The whole session runs on one large-stack thread and evaluates there, as an nREPL worker's
        // session does: handing each form to the engine's thread and back cost 0.1–0.2 ms a form,
        // a fifth of a small definition's compile (docs/benchmarks.md, issue 9 compile latency).
        return LargeStackThread.Run(() => RunLocalSession(options, engineChoice), new RuntimeLimits().EvaluationStackBytes, "repl");
    }

    private static int RunLocalSession(OutputOptions options, EngineChoice engineChoice)
    {
        using var streams = StandardStreams.OpenThroughConsole();
        var profile = TerminalProfile.Detect();
        var reporter = new DiagnosticReporter(options);
        using var interrupts = new InterruptRouter();
        var engine = EngineHost.Create(streams, engineChoice, evaluateOnCallingThread: true);
        var evaluator = new EngineReplEvaluator(engine, reporter);

        using IReplInput input = profile.LineEditing
            ? new LineEditorInput(AnsiConsole.Console, ReplHistory.Open(Environment.GetEnvironmentVariable), () => evaluator.Names, evaluator.Classify, () => evaluator.Namespace)
            // Typing with stdout redirected (`zylisp repl > out.txt`): prompts go to stderr, as
            // Python's do, so the file holds only values.
            : new PlainInput(Console.In, Console.IsOutputRedirected ? streams.Error : streams.Out, profile.ShowPrompts, () => evaluator.Namespace);
        if (profile.LineEditing)
        {
            streams.Out.WriteLine($"Zylisp {VersionInfo.Current.Version} REPL. Ctrl+D exits, Ctrl+C interrupts, (doc name) describes a name.");
            streams.Out.Flush();
        }

        return streams.Finish(new ReplSession(input, evaluator, streams.Out, streams.Error, interrupts).Run());
    }
}
