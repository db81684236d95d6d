namespace Zylisp.Cli.Hosting;

/// <summary>
/// Turns Ctrl+C (SIGINT) into cancellation of whatever the REPL is doing right now — reading a line
/// or evaluating a form — instead of ending the process. Outside a scope Ctrl+C is ignored, so a
/// keystroke between two steps cannot kill the session.
/// </summary>
internal sealed class InterruptRouter : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;

    public InterruptRouter()
    {
        ProgramInterrupt.RestoreIgnoredInterrupt();
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Starts a cancellable step; dispose the scope when the step ends.</summary>
    public Scope Begin()
    {
        var source = new CancellationTokenSource();
        lock (_gate)
        {
            _current = source;
        }

        return new Scope(this, source);
    }

    /// <summary>What Ctrl+C does; public so tests and other signal sources can trigger it.</summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            _current?.Cancel();
        }
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Interrupt();
    }

    private void End(CancellationTokenSource source)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, source))
            {
                _current = null;
            }
        }

        source.Dispose();
    }

    public void Dispose() => Console.CancelKeyPress -= OnCancelKeyPress;

    internal sealed class Scope(InterruptRouter owner, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token { get; } = source.Token;

        public bool WasInterrupted => source.IsCancellationRequested;

        public void Dispose() => owner.End(source);
    }
}
