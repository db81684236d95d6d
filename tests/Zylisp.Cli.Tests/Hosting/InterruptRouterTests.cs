using Zylisp.Cli.Hosting;

namespace Zylisp.Cli.Tests.Hosting;

public class InterruptRouterTests
{
    [Fact]
    public void An_interrupt_cancels_the_current_scope_only()
    {
        using var router = new InterruptRouter();
        CancellationToken first;
        using (var scope = router.Begin())
        {
            first = scope.Token;
            router.Interrupt();
            Assert.True(scope.WasInterrupted);
        }

        using var next = router.Begin();
        Assert.True(first.IsCancellationRequested);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void An_interrupt_between_scopes_is_ignored()
    {
        using var router = new InterruptRouter();
        using (router.Begin())
        {
        }

        router.Interrupt();

        using var scope = router.Begin();
        Assert.False(scope.WasInterrupted);
    }
}
