using System.Runtime.InteropServices;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// Ctrl+C for <c>zylisp run</c> and <c>eval</c>: the first SIGINT cancels the program (the engine
/// stops it at its next poll and reports ZL5010), the command prints one line and exits 130, as a
/// shell expects of a program ended by SIGINT. A second SIGINT, for a program stuck where nothing
/// polls, ends the process at once with 130. A SIGINT ignored when the process started (a
/// background job) is restored first, so Ctrl+C always reaches Zylisp (issue 15 item 8).
/// </summary>
internal sealed partial class ProgramInterrupt : IDisposable
{
    /// <summary>The exit status of a program ended by SIGINT: 128 + 2.</summary>
    public const int ExitStatus = 130;

    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration? registration;
    private int signals;

    public ProgramInterrupt()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        RestoreIgnoredInterrupt();
        registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => source.Token;

    public bool WasInterrupted => source.IsCancellationRequested;

    public void Dispose()
    {
        registration?.Dispose();
        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref signals) > 1)
        {
            Environment.Exit(ExitStatus);
        }

        source.Cancel();
    }

    /// <summary>
    /// A shell starts background jobs with SIGINT ignored, and the runtime keeps an inherited
    /// "ignore" (its handler never runs). Reset it to the default, so the handler above takes over.
    /// </summary>
    internal static void RestoreIgnoredInterrupt()
    {
        if (!UnixOutput.IsAvailable)
        {
            return;
        }

        const int SigInt = 2;
        nint ignore = 1; // SIG_IGN
        nint previous = signal(SigInt, 0); // SIG_DFL
        if (previous != ignore)
        {
            _ = signal(SigInt, previous); // not ignored: leave the runtime's own handler in place
        }
    }

#pragma warning disable SA1300, IDE1006 // The C library's own name.
    [LibraryImport("libc.so.6")]
    private static partial nint signal(int signal, nint handler);
#pragma warning restore SA1300, IDE1006
}
