namespace Zylisp.Rely;

/// <summary>OTP's shutdown protocol: ask politely, wait the child's shutdown timeout, then kill.</summary>
internal static class ProcessTermination
{
    public static async Task<ExitReason> TerminateAsync(IProcess process, TimeSpan shutdownTimeout, TimeProvider time, CancellationToken killNow)
    {
        if (shutdownTimeout == TimeSpan.Zero || killNow.IsCancellationRequested)
        {
            process.Kill();
            return await process.Completion.ConfigureAwait(false);
        }
        process.Stop(ExitReason.Shutdown);
        try
        {
            return shutdownTimeout == Timeout.InfiniteTimeSpan
                ? await process.Completion.WaitAsync(killNow).ConfigureAwait(false)
                : await process.Completion.WaitAsync(shutdownTimeout, time, killNow).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            process.Kill();
            return await process.Completion.ConfigureAwait(false);
        }
    }
}
