namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>
/// Counts the calls and loop back edges of a fn running quick-tier code (docs/design/il-backend.md,
/// "The quick tier") and, when they reach the threshold, runs the promotion once: the fn's arities
/// are compiled fully optimized and take the place of the quick ones in its template. Quick code
/// calls <see cref="Tick"/> on each back edge; the template calls it on each call.
/// </summary>
public sealed class TierCounter
{
    private int remaining;
    private Action? promote;

    internal TierCounter(int threshold, Action promote)
    {
        remaining = threshold;
        this.promote = promote;
    }

    /// <summary>Whether the promotion has not run yet.</summary>
    public bool Pending => promote is not null;

    /// <summary>One call or back edge; the one that reaches the threshold promotes the fn.</summary>
    public void Tick()
    {
        if (--remaining == 0)
        {
            Promote();
        }
    }

    private void Promote()
    {
        // Once only: an activation of the quick code that is still running keeps ticking (there
        // is no on-stack replacement), and the count must not wrap round to a second promotion.
        var action = promote;
        promote = null;
        remaining = int.MinValue / 2;
        action?.Invoke();
    }
}
