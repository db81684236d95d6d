using Zylisp.Repl.Workers;

namespace Zylisp.Cli.Commands;

/// <summary><c>zylisp worker --socket PATH</c>: an nREPL evaluation worker, started by the server, never by hand.</summary>
internal static class WorkerCommand
{
    public static int Execute(string socketPath)
    {
        WorkerHost.RunAsync(socketPath).GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
