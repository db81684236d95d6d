namespace Zylisp.Rely;

/// <summary>A call could not be answered because the server exited (before or while handling it).</summary>
public sealed class ServerExitedException : Exception
{
    public ServerExitedException(Pid pid, ExitReason reason)
        : base($"server {pid} exited: {reason}", reason.Exception)
    {
        Pid = pid;
        Reason = reason;
    }

    public ServerExitedException() : this(default, ExitReason.Normal) { }

    public ServerExitedException(string message) : base(message) => Reason = ExitReason.Normal;

    public ServerExitedException(string message, Exception inner) : base(message, inner) => Reason = ExitReason.Normal;

    public Pid Pid { get; }

    public ExitReason Reason { get; }
}

/// <summary>A call got no reply within its timeout. The server may still handle it later; the reply is then dropped.</summary>
public sealed class CallTimeoutException : TimeoutException
{
    public CallTimeoutException(Pid pid, TimeSpan timeout)
        : base($"call to server {pid} got no reply within {timeout.TotalMilliseconds}ms")
    {
        Pid = pid;
        Timeout = timeout;
    }

    public CallTimeoutException() { }

    public CallTimeoutException(string message) : base(message) { }

    public CallTimeoutException(string message, Exception inner) : base(message, inner) { }

    public Pid Pid { get; }

    public TimeSpan Timeout { get; }
}

/// <summary>A generic server's <c>Init</c> threw, so it never started.</summary>
public sealed class GenServerStartException : Exception
{
    public GenServerStartException(string message, Exception inner) : base(message, inner) { }

    public GenServerStartException() { }

    public GenServerStartException(string message) : base(message) { }
}
