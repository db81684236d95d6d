namespace Zylisp.Lang.Runtime;

/// <summary>
/// Starts the thread Zylisp code runs on with the largest stack the process can reserve, from the
/// configured size down. Under an address-space limit (<c>ulimit -v</c>) a 512 MB stack may not fit;
/// a smaller one only means deep recursion meets the stack-overflow error (ZL5005) sooner, because
/// calls check the stack they have left, while failing to start would lose the whole evaluation.
/// </summary>
public static class LargeStackThread
{
    /// <summary>The smallest stack tried; below it, the reservation failure is reported as out of memory.</summary>
    public const int MinimumStackBytes = 16 * 1024 * 1024;

    public static Thread Start(ThreadStart body, int stackBytes, string? name = null, bool isBackground = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        for (int size = stackBytes; ; size /= 2)
        {
            var thread = new Thread(body, size) { Name = name, IsBackground = isBackground };
            try
            {
                thread.Start();
                return thread;
            }
            catch (OutOfMemoryException) when (size / 2 >= MinimumStackBytes)
            {
                // A thread that failed to start cannot be started again; the next round makes a new one.
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a new large-stack thread and waits for it, rethrowing its
    /// failure on the caller's thread, so a host bug reaches the caller's handler instead of
    /// ending the process as an exception on a thread of its own would.
    /// </summary>
    public static T Run<T>(Func<T> body, int stackBytes, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        T result = default!;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        Start(
            () =>
            {
                try
                {
                    result = body();
                }
#pragma warning disable CA1031 // Rethrown on the calling thread below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }
            },
            stackBytes,
            name).Join();
        failure?.Throw();
        return result;
    }
}
