namespace Zylisp.Rely.Tests;

public sealed class TaskProcessTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Returning_is_normal_and_throwing_is_an_error_with_the_exception()
    {
        Assert.Equal(ExitReason.Normal, await TaskProcess.Start(_ => Task.CompletedTask).Completion.WaitAsync(Guard));
        var failed = await TaskProcess.Start(_ => throw new FormatException("bad")).Completion.WaitAsync(Guard);
        Assert.Equal(ExitKind.Error, failed.Kind);
        Assert.Equal("exception", failed.Tag);
        Assert.IsType<FormatException>(failed.Exception);
        Assert.True(failed.IsAbnormal);
    }

    [Fact]
    public async Task Stop_cancels_the_body_and_reports_the_requested_reason()
    {
        var process = TaskProcess.Start(token => Task.Delay(Timeout.Infinite, token));
        process.Stop(ExitReason.Shutdown);
        var reason = await process.Completion.WaitAsync(Guard);
        Assert.Equal(ExitReason.Shutdown, reason);
        Assert.False(reason.IsAbnormal);
    }

    [Fact]
    public async Task Kill_reports_killed_at_once_even_if_the_body_ignores_cancellation()
    {
        var release = new TaskCompletionSource();
        var process = TaskProcess.Start(_ => release.Task);
        process.Kill();
        Assert.Equal(ExitReason.Killed, await process.Completion.WaitAsync(Guard));
        release.SetResult();
    }

    [Fact]
    public void Every_incarnation_has_its_own_pid()
    {
        var a = TaskProcess.Start(_ => Task.CompletedTask);
        var b = TaskProcess.Start(_ => Task.CompletedTask);
        Assert.NotEqual(a.Pid, b.Pid);
    }
}
