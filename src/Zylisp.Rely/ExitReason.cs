namespace Zylisp.Rely;

/// <summary>How a process ended, in OTP's vocabulary.</summary>
public enum ExitKind
{
    /// <summary>The process finished its work (OTP <c>normal</c>).</summary>
    Normal,
    /// <summary>The process was asked to stop and did (OTP <c>shutdown</c>).</summary>
    Shutdown,
    /// <summary>The process was stopped by force (OTP <c>killed</c>).</summary>
    Killed,
    /// <summary>The process failed (any other OTP reason).</summary>
    Error,
}

/// <summary>
/// Why a process exited. Restart decisions look only at <see cref="Kind"/>; <see cref="Tag"/> is a
/// stable machine-readable label (for example <c>memory-limit</c>) so callers and tests never
/// match on <see cref="Description"/> wording.
/// </summary>
public sealed record ExitReason(ExitKind Kind, string Description, string? Tag = null, Exception? Exception = null)
{
    public static ExitReason Normal { get; } = new(ExitKind.Normal, "normal");
    public static ExitReason Shutdown { get; } = new(ExitKind.Shutdown, "shutdown");
    public static ExitReason Killed { get; } = new(ExitKind.Killed, "killed");

    /// <summary>A failure carrying the exception that caused it.</summary>
    public static ExitReason FromException(Exception exception) =>
        new(ExitKind.Error, $"{exception.GetType().Name}: {exception.Message}", "exception", exception);

    /// <summary>A failure with a stable tag and a human description.</summary>
    public static ExitReason Failure(string tag, string description) => new(ExitKind.Error, description, tag);

    /// <summary>
    /// OTP's rule: only <c>normal</c> and <c>shutdown</c> exits are expected; everything else is
    /// abnormal and makes a transient child restart.
    /// </summary>
    public bool IsAbnormal => Kind is ExitKind.Killed or ExitKind.Error;

    public override string ToString() => Tag is null ? Description : $"{Tag}: {Description}";
}
