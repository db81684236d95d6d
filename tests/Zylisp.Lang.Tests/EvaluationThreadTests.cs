using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Tests;

/// <summary>The engine's reused evaluation thread: one thread for consecutive evaluations, a thread of its own for the rest.</summary>
public class EvaluationThreadTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    [Fact]
    public void Consecutive_work_runs_on_one_thread_that_is_not_the_callers()
    {
        var evaluation = new EvaluationThread(LargeStackThread.MinimumStackBytes, Long);
        Thread? first = null, second = null;
        Assert.True(evaluation.TryRun(() => first = Thread.CurrentThread));
        Assert.True(evaluation.TryRun(() => second = Thread.CurrentThread));
        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.NotSame(Thread.CurrentThread, first);
        Assert.True(first.IsBackground);
    }

    [Fact]
    public void Work_that_runs_again_from_inside_is_refused_so_the_caller_starts_a_thread()
    {
        var evaluation = new EvaluationThread(LargeStackThread.MinimumStackBytes, Long);
        bool? inner = null;
        Assert.True(evaluation.TryRun(() => inner = evaluation.TryRun(() => { })));
        Assert.False(inner);
        Assert.True(evaluation.TryRun(() => { }));
    }

    [Fact]
    public void An_idle_thread_ends_and_the_next_work_starts_another()
    {
        var evaluation = new EvaluationThread(LargeStackThread.MinimumStackBytes, TimeSpan.FromMilliseconds(20));
        Thread? first = null, second = null;
        Assert.True(evaluation.TryRun(() => first = Thread.CurrentThread));
        Assert.True(first!.Join(TimeSpan.FromSeconds(30)), "the idle thread did not end");
        Assert.True(evaluation.TryRun(() => second = Thread.CurrentThread));
        Assert.NotSame(first, second);
        Assert.True(second!.IsAlive);
    }

    [Fact]
    public void Engine_evaluations_share_one_thread_that_is_not_the_callers()
    {
        var engine = new Engine();
        var first = engine.Eval("(System.Environment/CurrentManagedThreadId)");
        var second = engine.Eval("(System.Environment/CurrentManagedThreadId)");
        Assert.True(first.Success);
        Assert.Equal(first.Value, second.Value);
        Assert.NotEqual((long)Environment.CurrentManagedThreadId, Convert.ToInt64(first.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Deep_recursion_on_the_reused_thread_is_still_the_depth_error()
    {
        var engine = new Engine();
        Assert.True(engine.Eval("(defn down [n] (if (zero? n) 0 (inc (down (dec n)))))").Success);
        Assert.Equal(9_000L, engine.Eval("(down 9000)").Value);
        var deep = engine.Eval("(down 100000000)");
        Assert.False(deep.Success);
        Assert.Contains(deep.Diagnostics, d => d.Id == "ZL5005");
        Assert.Equal(10L, engine.Eval("(down 10)").Value);
    }
}
