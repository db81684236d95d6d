using System.Globalization;
using Spectre.Console;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Repl.LineEditing;
using Zylisp.Repl.Client;
using Zylisp.Repl.Server;

namespace Zylisp.Cli.Commands;

/// <summary>A connected client and the session the terminal REPL evaluates in.</summary>
internal sealed record NreplConnection(NreplClient Client, string Session);

/// <summary>
/// <c>zylisp connect [HOST:]PORT</c>: the terminal REPL as a client of any nREPL server (ours or
/// Clojure's). With no port it reads <c>.nrepl-port</c> in the working directory.
/// </summary>
internal static class ConnectCommand
{
    public static int Execute(string? target, OutputOptions options, TextWriter error)
    {
        if (Parse(target, error) is not var (host, port))
        {
            return ExitCodes.Usage;
        }

        NreplConnection connection;
        try
        {
            connection = ConnectAsync(host, port).GetAwaiter().GetResult();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            error.WriteLine($"zylisp connect: cannot connect to {host}:{port}: {e.Message}");
            return ExitCodes.ProgramFailed;
        }

        return RunClient(Task.FromResult(connection), options, $"connected to nREPL at {host}:{port}");
    }

    /// <summary>Connects and clones a session for the terminal client.</summary>
    public static async Task<NreplConnection> ConnectAsync(string host, int port)
    {
        var client = await NreplClient.ConnectAsync(host, port).ConfigureAwait(false);
        return new NreplConnection(client, await client.CloneAsync().ConfigureAwait(false));
    }

    /// <summary>Runs the terminal REPL against a server; the connection may still be on its way.</summary>
    public static int RunClient(Task<NreplConnection> connection, OutputOptions options, string banner)
    {
        _ = options;
        using var streams = StandardStreams.OpenThroughConsole();
        var profile = TerminalProfile.Detect();
        using var interrupts = new InterruptRouter();
        var evaluator = new NreplReplEvaluator(connection, streams.Out, streams.Error, Console.In.ReadLine);
        using IReplInput input = profile.LineEditing
            ? new LineEditorInput(AnsiConsole.Console, ReplHistory.Open(Environment.GetEnvironmentVariable), () => evaluator.Names, evaluator.Classify, () => evaluator.Namespace)
            : new PlainInput(Console.In, Console.IsOutputRedirected ? streams.Error : streams.Out, profile.ShowPrompts, () => evaluator.Namespace);
        if (profile.LineEditing)
        {
            streams.Out.WriteLine($"Zylisp {VersionInfo.Current.Version} REPL, {banner}. Ctrl+D exits, Ctrl+C interrupts, (doc name) describes a name.");
            streams.Out.Flush();
        }

        try
        {
            return streams.Finish(new ReplSession(input, evaluator, streams.Out, streams.Error, interrupts).Run());
        }
        finally
        {
            if (connection.IsCompletedSuccessfully)
            {
                connection.Result.Client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private static (string Host, int Port)? Parse(string? target, TextWriter error)
    {
        if (string.IsNullOrEmpty(target))
        {
            var file = Path.Combine(Directory.GetCurrentDirectory(), NreplServer.PortFileName);
            if (!File.Exists(file))
            {
                error.WriteLine($"zylisp connect: no port given and no {NreplServer.PortFileName} in {Directory.GetCurrentDirectory()}");
                return null;
            }

            target = File.ReadAllText(file).Trim();
        }

        var colon = target.LastIndexOf(':');
        var host = colon > 0 ? target[..colon].Trim('[', ']') : "127.0.0.1";
        if (!int.TryParse(colon >= 0 ? target[(colon + 1)..] : target, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error.WriteLine($"zylisp connect: '{target}' is not [HOST:]PORT");
            return null;
        }

        return (host, port);
    }
}
