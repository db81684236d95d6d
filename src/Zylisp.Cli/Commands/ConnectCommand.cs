using System.Globalization;
using Spectre.Console;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Repl.LineEditing;
using Zylisp.Repl.Client;
using Zylisp.Repl.Server;

namespace Zylisp.Cli.Commands;

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

        NreplClient client;
        try
        {
            client = NreplClient.ConnectAsync(host, port).GetAwaiter().GetResult();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            error.WriteLine($"zylisp connect: cannot connect to {host}:{port}: {e.Message}");
            return ExitCodes.ProgramFailed;
        }

        return RunClient(client, options, $"connected to nREPL at {host}:{port}");
    }

    /// <summary>Runs the terminal REPL against a connected server in a fresh session.</summary>
    public static int RunClient(NreplClient client, OutputOptions options, string banner)
    {
        _ = options;
        using var streams = StandardStreams.OpenThroughConsole();
        client.Unsolicited = message =>
        {
            if (message.TryGetValue("err", out var err) && err is string text)
            {
                streams.Error.Write(text);
                streams.Error.Flush();
            }
        };
        // Cloning waits for the worker; the prompt does not.
        var session = client.CloneAsync();
        var profile = TerminalProfile.Detect();
        using var interrupts = new InterruptRouter();
        var evaluator = new NreplReplEvaluator(client, session, streams.Out, Console.In.ReadLine);
        using IReplInput input = profile.LineEditing
            ? new LineEditorInput(AnsiConsole.Console, ReplHistory.Open(Environment.GetEnvironmentVariable), () => evaluator.Names, evaluator.Classify)
            : new PlainInput(Console.In, Console.IsOutputRedirected ? streams.Error : streams.Out, profile.ShowPrompts);
        if (profile.LineEditing)
        {
            streams.Out.WriteLine($"Zylisp {VersionInfo.Current.Version} REPL, {banner}. Ctrl+D exits, Ctrl+C interrupts, (doc name) describes a name.");
            streams.Out.Flush();
        }

        try
        {
            return new ReplSession(input, evaluator, streams.Out, streams.Error, interrupts).Run();
        }
        finally
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
