namespace Zylisp.Rely;

/// <summary>
/// OTP's restart intensity: if more than <see cref="MaxRestarts"/> restarts happen within
/// <see cref="Period"/>, the supervisor gives up, stops its children and fails, escalating to its parent.
/// </summary>
public sealed record RestartIntensity(int MaxRestarts, TimeSpan Period)
{
    /// <summary>5 restarts in 10 seconds.</summary>
    public static RestartIntensity Default { get; } = new(5, TimeSpan.FromSeconds(10));

    public RestartIntensity Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRestarts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Period, TimeSpan.Zero);
        return this;
    }
}
