using System.Runtime.CompilerServices;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// Keeps a program inside <see cref="RuntimeLimits.MaxMemoryBytes"/>: checked where the interpreter
/// already polls for cancellation (every 256 calls, every 64K host-loop steps), it turns a memory
/// bomb into the ordinary, catchable run-time error ZL5014 before the runtime or the OS ends the
/// process. The cheap allocation counter is read first; only past the limit is the heap collected
/// and measured, so garbage never counts against a program.
/// </summary>
internal static class MemoryGuard
{
    /// <summary>
    /// Three quarters of what the GC may use here: the machine, a container, or a GC heap limit, and
    /// under an address-space limit (<c>ulimit -v</c>) half of it, which is what the GC reserves for
    /// its heap (the rest holds code, stacks and the runtime). The GC does not count that limit
    /// itself, and running into it killed the process with SIGSEGV instead of an error.
    /// </summary>
    private static readonly Lazy<long> DerivedLimit = new(() =>
        Math.Min(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, AddressSpaceLimit() / 2) / 4 * 3);

    public static long LimitFor(RuntimeLimits limits) => limits.MaxMemoryBytes > 0 ? limits.MaxMemoryBytes : DerivedLimit.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(RunContext ctx)
    {
        if (GC.GetTotalMemory(forceFullCollection: false) > LimitFor(ctx.Options.Limits))
        {
            CheckAfterCollecting(ctx);
        }
    }

    /// <summary>The soft <c>RLIMIT_AS</c> from /proc/self/limits, or <see cref="long.MaxValue"/> when there is none.</summary>
    private static long AddressSpaceLimit()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max address space", StringComparison.Ordinal))
                {
                    var fields = line["Max address space".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return fields.Length > 0 && long.TryParse(fields[0], out long bytes) ? bytes : long.MaxValue;
                }
            }
        }
        catch (Exception e) when (FileErrors.IsFileFailure(e))
        {
            // Not Linux, or /proc is not mounted: no limit we can see.
        }

        return long.MaxValue;
    }

    private static void CheckAfterCollecting(RunContext ctx)
    {
        long limit = LimitFor(ctx.Options.Limits);
        long live = GC.GetTotalMemory(forceFullCollection: true);
        if (live > limit)
        {
            throw RuntimeErrors.OutOfMemory(live, limit);
        }
    }
}

/// <summary>
/// What a core-library loop that may run long (building a huge range, repeating, counting) calls
/// on each step, so Ctrl+C and the memory limit reach it as they reach Zylisp calls.
/// </summary>
internal static class HostLoop
{
    private const long PollMask = 0xFFFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Poll(RunContext ctx, long step)
    {
        if ((step & PollMask) == 0)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            MemoryGuard.Check(ctx);
        }
    }
}
