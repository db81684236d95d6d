using System.Collections.Immutable;

namespace Zylisp.Rely;

/// <summary>
/// The restarts that still count against an intensity limit: those less than one period old.
/// Immutable, so a restart decision is a pure function of the window, the time and the limit.
/// </summary>
public sealed record RestartWindow(ImmutableQueue<TimeSpan> Restarts)
{
    public static RestartWindow Empty { get; } = new(ImmutableQueue<TimeSpan>.Empty);

    /// <summary>How many restarts in the window at <paramref name="now"/>.</summary>
    public int CountAt(TimeSpan now, TimeSpan period) => Prune(now, period).Count();

    /// <summary>Records a restart at <paramref name="now"/>; <paramref name="exceeded"/> says the limit is now broken.</summary>
    public RestartWindow Add(TimeSpan now, RestartIntensity intensity, out bool exceeded)
    {
        ArgumentNullException.ThrowIfNull(intensity);
        var kept = Prune(now, intensity.Period).Enqueue(now);
        exceeded = kept.Count() > intensity.MaxRestarts;
        return new RestartWindow(kept);
    }

    private ImmutableQueue<TimeSpan> Prune(TimeSpan now, TimeSpan period)
    {
        var queue = Restarts;
        while (!queue.IsEmpty && now - queue.Peek() >= period)
        {
            queue = queue.Dequeue();
        }
        return queue;
    }
}
