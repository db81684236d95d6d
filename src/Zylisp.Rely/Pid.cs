namespace Zylisp.Rely;

/// <summary>
/// Identity of one incarnation of a rely process. A restarted child gets a new Pid, so a stale
/// exit notice or registry entry can never be confused with the process that replaced it.
/// </summary>
public readonly record struct Pid(long Value)
{
    private static long lastValue;

    /// <summary>Allocates a Pid unique within this OS process.</summary>
    public static Pid Next() => new(Interlocked.Increment(ref lastValue));

    public override string ToString() => $"<{Value}>";
}
