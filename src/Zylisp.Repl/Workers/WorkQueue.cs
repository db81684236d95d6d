namespace Zylisp.Repl.Workers;

/// <summary>
/// Work for one thread, in order. A plain monitor wait, where BlockingCollection spins first: a
/// session's thread is idle between evals for far longer than any spin, so spinning only took
/// cores from the other processes on the machine (measured in docs/benchmarks.md, nREPL).
/// </summary>
internal sealed class WorkQueue
{
    private readonly Queue<Action> items = new();
    private bool completed;

    /// <summary>Adds work; ignored once <see cref="Complete"/> was called.</summary>
    public void Add(Action work)
    {
        lock (items)
        {
            if (completed)
            {
                return;
            }

            items.Enqueue(work);
            if (items.Count == 1)
            {
                Monitor.Pulse(items);
            }
        }
    }

    public void Complete()
    {
        lock (items)
        {
            completed = true;
            Monitor.PulseAll(items);
        }
    }

    /// <summary>The next work item, waiting for one; null once completed and drained.</summary>
    public Action? Take()
    {
        lock (items)
        {
            while (items.Count == 0)
            {
                if (completed)
                {
                    return null;
                }

                Monitor.Wait(items);
            }

            return items.Dequeue();
        }
    }
}
