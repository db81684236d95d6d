namespace Zylisp.Rely;

/// <summary>
/// Delay before restarting a child that keeps failing. The first restart in a quiet period is
/// immediate, as in OTP; each further restart of the same child within the intensity period waits
/// <see cref="Initial"/>, then twice that, and so on up to <see cref="Max"/>.
/// </summary>
public sealed record RestartBackoff(TimeSpan Initial, TimeSpan Max)
{
    /// <summary>1 s doubling up to 30 s.</summary>
    public static RestartBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>Restart at once every time: pure OTP behaviour.</summary>
    public static RestartBackoff None { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The delay for a child's <paramref name="recentRestarts"/>-th restart in the current window (1-based).</summary>
    public TimeSpan DelayFor(int recentRestarts)
    {
        if (recentRestarts <= 1 || Initial <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(recentRestarts - 2, 30);
        var ticks = Math.Min((double)Initial.Ticks * Math.Pow(2, doublings), Max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
