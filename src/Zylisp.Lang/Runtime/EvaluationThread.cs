namespace Zylisp.Lang.Runtime;

/// <summary>
/// One large-stack thread that an engine reuses for its evaluations. Starting a thread with a
/// 512 MB stack costs 0.1–0.5 ms, as much as compiling a small function, so a REPL or an editor
/// sending one form at a time would pay it on every form. The thread waits for the next piece of
/// work and ends after <c>idleLifetime</c> without any, so an engine nobody uses holds no thread.
/// It runs one piece of work at a time: <see cref="TryRun"/> returns false while it is busy
/// (another caller, or an evaluation that evaluates again), and the caller starts a thread of its
/// own, as every evaluation did before.
/// </summary>
public sealed class EvaluationThread(int stackBytes, TimeSpan idleLifetime, string name = "zylisp-eval")
{
    private readonly object gate = new();
    private Action? pending;
    private bool busy;
    private bool done;
    private bool alive;

    /// <summary>
    /// Runs <paramref name="work"/> on the reused thread and waits for it; false, without running
    /// it, when the thread is busy. <paramref name="work"/> must not throw: it runs on another
    /// thread, so the caller captures its own failures (Engine rethrows them on its thread).
    /// </summary>
    public bool TryRun(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (gate)
        {
            if (busy)
            {
                return false;
            }

            busy = true;
            done = false;
            pending = work;
            try
            {
                if (alive)
                {
                    Monitor.PulseAll(gate);
                }
                else
                {
                    LargeStackThread.Start(Loop, stackBytes, name, isBackground: true);
                    alive = true;
                }

                while (!done)
                {
                    Monitor.Wait(gate);
                }
            }
            finally
            {
                pending = null;
                busy = false;
            }

            return true;
        }
    }

    private void Loop()
    {
        Monitor.Enter(gate);
        try
        {
            while (true)
            {
                while (pending is null)
                {
                    if (!Monitor.Wait(gate, idleLifetime) && pending is null)
                    {
                        alive = false;
                        return;
                    }
                }

                var work = pending;
                pending = null;
                Monitor.Exit(gate);
                try
                {
                    work();
                }
                finally
                {
                    Monitor.Enter(gate);
                    done = true;
                    Monitor.PulseAll(gate);
                }
            }
        }
        finally
        {
            Monitor.Exit(gate);
        }
    }
}
