using System.Collections.Immutable;

namespace Zylisp.Rely;

/// <summary>
/// The restarts that still count against an intensity limit: those less than one period old.
/// Immutable, so a restart decision is a pure function of the window, the time and the limit.
/// The count is kept alongside the queue so a busy supervisor pays O(1) per restart, not O(window).
/// </summary>
public sealed class RestartWindow
{
    private readonly ImmutableQueue<TimeSpan> restarts;
    private readonly int count;

    private RestartWindow(ImmutableQueue<TimeSpan> restarts, int count)
    {
        this.restarts = restarts;
        this.count = count;
    }

    public static RestartWindow Empty { get; } = new(ImmutableQueue<TimeSpan>.Empty, 0);

    /// <summary>How many restarts are in the window at <paramref name="now"/>.</summary>
    public int CountAt(TimeSpan now, TimeSpan period) => Prune(now, period).count;

    /// <summary>Records a restart at <paramref name="now"/>; <paramref name="exceeded"/> says the limit is now broken.</summary>
    public RestartWindow Add(TimeSpan now, RestartIntensity intensity, out bool exceeded)
    {
        ArgumentNullException.ThrowIfNull(intensity);
        var kept = Prune(now, intensity.Period);
        var next = new RestartWindow(kept.restarts.Enqueue(now), kept.count + 1);
        exceeded = next.count > intensity.MaxRestarts;
        return next;
    }

    private RestartWindow Prune(TimeSpan now, TimeSpan period)
    {
        var queue = restarts;
        var remaining = count;
        while (!queue.IsEmpty && now - queue.Peek() >= period)
        {
            queue = queue.Dequeue();
            remaining--;
        }
        return remaining == count ? this : new RestartWindow(queue, remaining);
    }
}
