using System.Net;
using Zylisp.Repl.Server;
using Zylisp.Repl.Workers;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp nrepl</c>: an nREPL server in the foreground until Ctrl+C or SIGTERM. It writes
/// <c>.nrepl-port</c> in the working directory (removed on exit) and prints the line editors parse.
/// </summary>
internal static class NreplCommand
{
    /// <summary>
    /// `zylisp nrepl` with only its own well-formed options, parsed without System.CommandLine:
    /// start-up to the port file is a product number. Anything else (--help, a typo) returns null
    /// and goes through the full parser for its messages.
    /// </summary>
    public static int? TryExecuteFast(string[] args)
    {
        if (args.Length == 0 || args[0] != "nrepl" || args.Length % 2 == 0)
        {
            return null;
        }

        int port = 0, workers = 1;
        string? bind = null;
        var engine = EngineKinds.Default;
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--port" or "-p" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out port):
                case "--workers" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out workers):
                    break;
                case "--bind":
                    bind = value;
                    break;
                case "--engine":
                    engine = value;
                    break;
                default:
                    return null;
            }
        }

        return Execute(port, bind, workers, engine, Console.Out, Console.Error);
    }

    public static int Execute(int port, string? bind, int workers, string engine, TextWriter output, TextWriter error)
    {
        // The server's socket continuations only parse a message and write replies, never block,
        // so they can run on the socket engine's own thread instead of hopping to the thread pool:
        // two thread switches fewer in every eval's round trip (docs/design/nrepl.md). .NET reads
        // this once, when the first socket is created, which is below.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        if (EngineKinds.Problem(engine) is { } problem)
        {
            error.WriteLine($"zylisp nrepl: {problem}");
            return ExitCodes.Usage;
        }

        if (workers < 1 || port is < 0 or > 65535)
        {
            error.WriteLine("zylisp nrepl: --workers must be at least 1 and --port between 0 and 65535");
            return ExitCodes.Usage;
        }

        var address = IPAddress.Loopback;
        if (bind is not null && !IPAddress.TryParse(bind, out address!))
        {
            error.WriteLine($"zylisp nrepl: --bind {bind} is not an IP address");
            return ExitCodes.Usage;
        }

        if (!IPAddress.IsLoopback(address))
        {
            error.WriteLine($"zylisp nrepl: warning: listening on {address}; nREPL has no authentication, so anyone who can reach this port can run code as you.");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        return RunAsync(new NreplServerOptions
        {
            Port = port,
            Bind = address,
            Workers = workers,
            Engine = engine,
            Launcher = WorkerLauncher.CurrentProgram(warm: true),
            PortFileDirectory = Directory.GetCurrentDirectory(),
            Listening = server =>
            {
                output.WriteLine(server.StartedLine);
                output.Flush();
            },
        }, stop.Token).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(NreplServerOptions options, CancellationToken stop)
    {
        var server = await NreplServer.StartAsync(options).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return ExitCodes.Success;
    }
}
