using Zylisp.Repl.Workers;

namespace Zylisp.Cli.Commands;

/// <summary><c>zylisp worker --socket PATH</c>: an nREPL evaluation worker, started by the server, never by hand.</summary>
internal static class WorkerCommand
{
    public static int Execute(string socketPath)
    {
        // Ctrl+C in the terminal signals the whole foreground process group, this worker included;
        // interrupts reach it as the protocol's interrupt op instead, so SIGINT is ignored.
        using var ignoreInterrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, context => context.Cancel = true);
        if (WorkerWarmUp.Enabled && Path.GetDirectoryName(socketPath) is { Length: > 0 } directory)
        {
            WorkerWarmUp.Run(directory);
        }

        WorkerHost.RunAsync(socketPath).GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
