namespace Zylisp.Rely;

/// <summary>
/// A process whose body is an async function. Stopping cancels the token passed to the body;
/// returning means <c>normal</c>, throwing means failure. Kill cannot abort a .NET task, so it
/// reports the exit at once and abandons the body, which keeps running until it observes the
/// cancelled token.
/// </summary>
public sealed class TaskProcess : IProcess
{
    private readonly CancellationTokenSource stopSource = new();
    private readonly TaskCompletionSource<ExitReason> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object gate = new();
    private ExitReason? requestedReason;

    private TaskProcess() { }

    public Pid Pid { get; } = Pid.Next();

    public Task<ExitReason> Completion => exit.Task;

    /// <summary>Starts <paramref name="body"/> on the thread pool.</summary>
    public static TaskProcess Start(Func<CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var process = new TaskProcess();
        _ = process.RunAsync(body);
        return process;
    }

    private async Task RunAsync(Func<CancellationToken, Task> body)
    {
        ExitReason reason;
        var token = stopSource.Token;
        try
        {
            await Task.Run(() => body(token), CancellationToken.None).ConfigureAwait(false);
            reason = RequestedOr(ExitReason.Normal);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            reason = RequestedOr(ExitReason.Shutdown);
        }
        catch (Exception e)
        {
            reason = ExitReason.FromException(e);
        }
        exit.TrySetResult(reason);
    }

    private ExitReason RequestedOr(ExitReason fallback)
    {
        lock (gate)
        {
            return requestedReason ?? fallback;
        }
    }

    public void Stop(ExitReason reason)
    {
        lock (gate)
        {
            requestedReason ??= reason;
        }
        stopSource.Cancel();
    }

    public void Kill()
    {
        Stop(ExitReason.Killed);
        exit.TrySetResult(ExitReason.Killed);
    }
}
