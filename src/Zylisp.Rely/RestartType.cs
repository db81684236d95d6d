namespace Zylisp.Rely;

/// <summary>When a supervisor restarts a child that exited (OTP's restart types).</summary>
public enum RestartType
{
    /// <summary>Always restarted.</summary>
    Permanent,
    /// <summary>Restarted only after an abnormal exit (not <c>normal</c> or <c>shutdown</c>).</summary>
    Transient,
    /// <summary>Never restarted; removed from the supervisor when it exits.</summary>
    Temporary,
}
