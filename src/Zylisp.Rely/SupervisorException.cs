namespace Zylisp.Rely;

/// <summary>Why a supervisor operation was refused; mirrors OTP's <c>{error, ...}</c> replies.</summary>
public enum SupervisorError
{
    /// <summary>No child has that id or pid (OTP <c>not_found</c>).</summary>
    NotFound,
    /// <summary>A running child already has that id (OTP <c>already_started</c>).</summary>
    AlreadyStarted,
    /// <summary>A stopped child spec already has that id (OTP <c>already_present</c>).</summary>
    AlreadyPresent,
    /// <summary>The child is running, so it cannot be restarted or deleted (OTP <c>running</c>).</summary>
    Running,
    /// <summary>The start function threw.</summary>
    StartFailed,
    /// <summary>The operation does not apply to this supervisor's strategy (OTP <c>simple_one_for_one</c>).</summary>
    WrongStrategy,
    /// <summary>The supervisor has exited.</summary>
    SupervisorExited,
}

/// <summary>A refused supervisor operation; <see cref="Error"/> says which refusal.</summary>
public sealed class SupervisorException : Exception
{
    public SupervisorException(SupervisorError error, string message, Exception? inner = null) : base(message, inner) => Error = error;

    public SupervisorException() : this(SupervisorError.NotFound, "supervisor operation failed") { }

    public SupervisorException(string message) : this(SupervisorError.NotFound, message) { }

    public SupervisorException(string message, Exception inner) : this(SupervisorError.StartFailed, message, inner) { }

    public SupervisorError Error { get; }
}

/// <summary>The exception behind the exit reason of a supervisor that exceeded its restart intensity.</summary>
public sealed class RestartIntensityExceededException : Exception
{
    public RestartIntensityExceededException(string supervisor, RestartIntensity intensity, string child)
        : base($"supervisor '{supervisor}' saw more than {intensity.MaxRestarts} restarts in {intensity.Period.TotalSeconds}s; last failed child '{child}'")
    {
    }

    public RestartIntensityExceededException() { }

    public RestartIntensityExceededException(string message) : base(message) { }

    public RestartIntensityExceededException(string message, Exception inner) : base(message, inner) { }
}
