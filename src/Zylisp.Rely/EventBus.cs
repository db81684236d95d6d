using System.Collections.Immutable;
using System.Threading.Channels;

namespace Zylisp.Rely;

/// <summary>
/// Typed publish/subscribe. Every subscriber has its own bounded queue drained by its own task,
/// so a slow subscriber only delays itself (when its queue is full its oldest events are dropped
/// and counted) and a throwing subscriber is reported and keeps receiving.
/// </summary>
public sealed class EventBus : IDisposable
{
    public const int DefaultCapacity = 4096;

    private ImmutableArray<ISubscription> subscriptions = [];
    private volatile bool disposed;

    /// <summary>Calls <paramref name="handler"/> for every published event assignable to <typeparamref name="T"/>.</summary>
    public Subscription<T> Subscribe<T>(Action<T> handler, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Subscribe<T>((e, _) => { handler(e); return Task.CompletedTask; }, capacity);
    }

    /// <summary>Async form of <see cref="Subscribe{T}(Action{T}, int)"/>; the token fires when the subscription is disposed.</summary>
    public Subscription<T> Subscribe<T>(Func<T, CancellationToken, Task> handler, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ObjectDisposedException.ThrowIf(disposed, this);
        var subscription = new Subscription<T>(this, handler, capacity);
        ImmutableInterlocked.Update(ref subscriptions, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>Queues <paramref name="event"/> for every matching subscriber and returns at once.</summary>
    public void Publish<T>(T @event) where T : notnull
    {
        if (disposed)
        {
            return;
        }
        foreach (var subscription in subscriptions)
        {
            subscription.Offer(@event);
        }
    }

    internal void Remove(ISubscription subscription) =>
        ImmutableInterlocked.Update(ref subscriptions, list => list.Remove(subscription));

    internal void ReportFailure(object @event, Exception error)
    {
        // A failing SubscriberFailed handler must not feed itself an endless stream of reports.
        if (@event is not SubscriberFailed)
        {
            Publish(new SubscriberFailed(@event.GetType().Name, error));
        }
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var subscription in ImmutableInterlocked.InterlockedExchange(ref subscriptions, []))
        {
            subscription.Dispose();
        }
    }

    internal interface ISubscription : IDisposable
    {
        void Offer(object @event);
    }
}

/// <summary>One subscriber's queue and pump. Dispose to unsubscribe.</summary>
public sealed class Subscription<T> : EventBus.ISubscription
{
    private readonly EventBus bus;
    private readonly Func<T, CancellationToken, Task> handler;
    private readonly Channel<T> queue;
    private readonly CancellationTokenSource cancel = new();
    private long dropped;
    private long failures;
    private long delivered;

    internal Subscription(EventBus bus, Func<T, CancellationToken, Task> handler, int capacity)
    {
        this.bus = bus;
        this.handler = handler;
        queue = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref dropped));
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Events dropped because this subscriber fell more than its capacity behind.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Events whose handler threw.</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Events handled, successfully or not.</summary>
    public long Delivered => Interlocked.Read(ref delivered);

    /// <summary>Finishes once the subscription is disposed and its pump has stopped.</summary>
    public Task Completion { get; }

    void EventBus.ISubscription.Offer(object @event)
    {
        if (@event is T typed)
        {
            queue.Writer.TryWrite(typed);
        }
    }

    private async Task PumpAsync()
    {
        var token = cancel.Token;
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                try
                {
                    await handler(item, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    bus.ReportFailure(item!, e);
                }
                Interlocked.Increment(ref delivered);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed while waiting: nothing left to deliver.
        }
    }

    public void Dispose()
    {
        bus.Remove(this);
        queue.Writer.TryComplete();
        cancel.Cancel();
    }
}
