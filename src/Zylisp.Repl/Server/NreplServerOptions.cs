using System.Net;
using Zylisp.Repl.Bencode;
using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Server;

/// <summary>Everything that configures an nREPL server, in one place.</summary>
public sealed record NreplServerOptions
{
    /// <summary>0 lets the operating system choose.</summary>
    public int Port { get; init; }

    /// <summary>127.0.0.1 unless told otherwise: nREPL has no authentication.</summary>
    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    public int Workers { get; init; } = 1;

    /// <summary>The engine of sessions that do not ask for one at clone.</summary>
    public string Engine { get; init; } = EngineKinds.Default;

    public WorkerLauncher Launcher { get; init; } = WorkerLauncher.CurrentProgram();

    public WorkerLimits Limits { get; init; } = new();

    public BencodeLimits MessageLimits { get; init; } = BencodeLimits.Default;

    /// <summary>
    /// Called once the port takes connections and the port file is written, before the
    /// supervision tree has started (connections wait in the kernel's queue meanwhile): where
    /// <c>zylisp nrepl</c> prints the line editors wait for.
    /// </summary>
    public Action<NreplServer>? Listening { get; init; }

    /// <summary>Where to write <c>.nrepl-port</c>; null writes none.</summary>
    public string? PortFileDirectory { get; init; }
}
