using System.Collections.Concurrent;
using Zylisp.Rely.Tests.Support;

namespace Zylisp.Rely.Tests;

public sealed class EventBusTests
{
    private sealed record Ping(int N) : RelyEvent("test");

    [Fact]
    public async Task Subscribers_receive_events_assignable_to_their_type_in_order()
    {
        using var bus = new EventBus();
        var pings = new ConcurrentQueue<int>();
        var all = new ConcurrentQueue<RelyEvent>();
        var strings = new ConcurrentQueue<string>();
        bus.Subscribe<Ping>(p => pings.Enqueue(p.N));
        bus.Subscribe<RelyEvent>(all.Enqueue);
        bus.Subscribe<string>(strings.Enqueue);
        for (var i = 0; i < 50; i++)
        {
            bus.Publish(new Ping(i));
        }
        bus.Publish("text");
        await EventLog.Eventually(() => pings.Count == 50 && all.Count == 50 && strings.Count == 1, "delivery");
        Assert.Equal(Enumerable.Range(0, 50), pings);
        Assert.Equal(["text"], strings);
    }

    [Fact]
    public async Task A_slow_subscriber_does_not_block_the_others_and_drops_its_oldest_events()
    {
        using var bus = new EventBus();
        var gate = new TaskCompletionSource();
        var fast = new ConcurrentQueue<int>();
        var slow = bus.Subscribe<Ping>(async (_, token) => await gate.Task.WaitAsync(token), capacity: 10);
        bus.Subscribe<Ping>(p => fast.Enqueue(p.N));
        for (var i = 0; i < 1000; i++)
        {
            bus.Publish(new Ping(i));
        }
        await EventLog.Eventually(() => fast.Count == 1000, "fast subscriber got everything");
        Assert.True(slow.Dropped >= 1000 - 10 - 1, $"dropped {slow.Dropped}");
        gate.SetResult();
        await EventLog.Eventually(() => slow.Delivered + slow.Dropped == 1000, "slow subscriber drained");
        slow.Dispose();
        await slow.Completion.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_throwing_subscriber_keeps_its_subscription_and_cannot_hurt_the_others()
    {
        using var bus = new EventBus();
        var good = new ConcurrentQueue<int>();
        var failures = new ConcurrentQueue<SubscriberFailed>();
        var bad = bus.Subscribe<Ping>(p => throw new InvalidOperationException($"bad {p.N}"));
        bus.Subscribe<Ping>(p => good.Enqueue(p.N));
        bus.Subscribe<SubscriberFailed>(failures.Enqueue);
        for (var i = 0; i < 20; i++)
        {
            bus.Publish(new Ping(i));
        }
        await EventLog.Eventually(() => good.Count == 20 && failures.Count == 20, "delivery and failure reports");
        Assert.Equal(20, bad.Failures);
        Assert.All(failures, f => Assert.Equal(nameof(Ping), f.EventType));
    }

    [Fact]
    public async Task Disposing_a_subscription_stops_delivery()
    {
        using var bus = new EventBus();
        var seen = new ConcurrentQueue<int>();
        var subscription = bus.Subscribe<Ping>(p => seen.Enqueue(p.N));
        bus.Publish(new Ping(1));
        await EventLog.Eventually(() => seen.Count == 1, "first delivery");
        subscription.Dispose();
        await subscription.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        bus.Publish(new Ping(2));
        Assert.Equal([1], seen);
    }
}
