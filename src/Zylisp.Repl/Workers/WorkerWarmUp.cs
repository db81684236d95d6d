using System.Globalization;
using System.Net.Sockets;
using Zylisp.Repl.Protocol;

namespace Zylisp.Repl.Workers;

/// <summary>
/// Runs a new worker's whole eval path a few dozen times, in a throwaway session over a socket of
/// its own, before the worker listens for its server (docs/design/nrepl.md, "Warm from the first
/// eval"), then waits for the runtime to finish compiling what those evals made hot. The runtime
/// moves a method to optimized code only after 30 calls and compiles it on a background thread;
/// without this, a new worker's first evals ran start-up code while that thread competed with
/// them for a core.
/// </summary>
public static class WorkerWarmUp
{
    /// <summary>Evals run: above the runtime's call count of 30 for moving a method to optimized code.</summary>
    public const int Evals = 40;

    /// <summary>
    /// 1 in a worker that warms up: set by the launcher of a warm worker
    /// (<see cref="WorkerLauncher.CurrentProgram"/>); 0 in the server's environment starts its
    /// workers cold (to measure what the warm-up is worth).
    /// </summary>
    public const string SwitchVariable = "ZYLISP_WORKER_WARMUP";

    /// <summary>Small forms of the kinds a session evaluates: arithmetic, a string, locals, a collection.</summary>
    private static readonly string[] Forms = ["(+ 1 2)", "(str \"warm-up \" 1)", "(let [x 2] (* x 3))", "[1 {:a 2}]"];

    /// <summary>Whether this worker warms up: its launcher set <see cref="SwitchVariable"/> to 1.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable(SwitchVariable) == "1";

    /// <summary>
    /// Opens a session in a <see cref="WorkerHost"/> of its own, served over a Unix socket in
    /// <paramref name="directory"/> (the worker's private socket directory), evaluates
    /// <paramref name="evals"/> small forms through it and closes it. Best effort: a failure only
    /// means a cold start. Returns how many evals succeeded.
    /// </summary>
    public static int Run(string directory, int evals = Evals)
    {
        var succeeded = 0;
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"warm-up-{Environment.ProcessId}.sock"));
        try
        {
            Socket accepted;
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using (var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            {
                listener.Bind(new UnixDomainSocketEndPoint(path));
                listener.Listen(1);
                client.Connect(new UnixDomainSocketEndPoint(path));
                accepted = listener.Accept();
            }

            File.Delete(path);
            var serving = new Thread(() => Serve(accepted)) { IsBackground = true, Name = "worker warm-up" };
            serving.Start();
            var transport = Transport.OverBlockingSocket(client);
            try
            {
                const string session = "warm-up";
                Call(transport, ("op", "open"), ("session", session), ("engine", EngineKinds.Default));
                for (var i = 0; i < evals; i++)
                {
                    succeeded += Call(transport, ("op", "eval"), ("session", session), ("code", Forms[i % Forms.Length])).Long("success") == 1 ? 1 : 0;
                }

                Call(transport, ("op", "close"), ("session", session));
            }
            finally
            {
                // Ends the serve loop, whose end disposes the session.
                transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            serving.Join();
            AwaitOptimizedCode();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or Bencode.BencodeException)
        {
            // A worker that could not warm up still serves; its first evals are just slower.
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                File.Delete(path);
            }
        }

        return succeeded;
    }

    /// <summary>
    /// The evals above queued their methods for optimization; the runtime compiles them on a
    /// background thread, which would otherwise compete with the first real evals for a core.
    /// Waits until no method has been compiled for <see cref="SettledFor"/>, at most <see cref="MaxSettleWait"/>.
    /// </summary>
    private static void AwaitOptimizedCode()
    {
        var deadline = Environment.TickCount64 + (long)MaxSettleWait.TotalMilliseconds;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var quietSince = Environment.TickCount64;
        while (Environment.TickCount64 < deadline && Environment.TickCount64 - quietSince < SettledFor.TotalMilliseconds)
        {
            Thread.Sleep(5);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                (compiled, quietSince) = (now, Environment.TickCount64);
            }
        }
    }

    private static readonly TimeSpan SettledFor = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan MaxSettleWait = TimeSpan.FromSeconds(1);

    private static void Serve(Socket accepted)
    {
        var transport = Transport.OverBlockingSocket(accepted);
        try
        {
            new WorkerHost().ServeAsync(transport, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Sends a request and reads replies until its <c>done</c>, which it returns.</summary>
    private static Dictionary<string, object> Call(Transport transport, params (string, object?)[] fields)
    {
        transport.SendAsync(Message.Create([("id", "w"), .. fields])).GetAwaiter().GetResult();
        while (transport.Receive() is Dictionary<string, object> reply)
        {
            if (reply.Has("status", "done"))
            {
                return reply;
            }
        }

        throw new IOException("the warm-up session ended before its reply");
    }
}
