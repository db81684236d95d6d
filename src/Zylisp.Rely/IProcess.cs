namespace Zylisp.Rely;

/// <summary>
/// A supervised unit of work: rely's counterpart of an Erlang process. Workers, GenServers,
/// supervisors and OS-process workers all implement it, so a supervisor treats them alike.
/// </summary>
public interface IProcess
{
    /// <summary>Identity of this incarnation.</summary>
    Pid Pid { get; }

    /// <summary>Completes, never faults, when the process has exited.</summary>
    Task<ExitReason> Completion { get; }

    /// <summary>Asks the process to exit with <paramref name="reason"/>; it may take time to clean up. Idempotent.</summary>
    void Stop(ExitReason reason);

    /// <summary>Ends the process now; <see cref="Completion"/> finishes with <see cref="ExitReason.Killed"/> promptly.</summary>
    void Kill();
}
