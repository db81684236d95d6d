using System.Threading.Channels;

namespace Zylisp.Rely;

/// <summary>A running generic server: its mailbox and the task that drains it.</summary>
internal sealed class GenServerProcess<TState> : GenServerRef
{
    private readonly GenServer<TState> server;
    private readonly GenServerOptions options;
    private readonly TimeProvider time;
    private readonly Channel<Envelope> mailbox = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = false });
    private readonly TaskCompletionSource<ExitReason> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopSource = new();
    private readonly object gate = new();
    private ExitReason? requestedStop;

    private GenServerProcess(GenServer<TState> server, GenServerOptions options)
    {
        this.server = server;
        this.options = options;
        time = options.Time ?? TimeProvider.System;
    }

    public override Pid Pid { get; } = Pid.Next();

    public override Task<ExitReason> Completion => exit.Task;

    public static async Task<GenServerRef> StartAsync(GenServer<TState> server, GenServerOptions options, CancellationToken cancellationToken)
    {
        var process = new GenServerProcess<TState>(server, options);
        if (options.Name is not null)
        {
            var registry = options.Registry ?? throw new ArgumentException("GenServerOptions.Name needs GenServerOptions.Registry", nameof(options));
            registry.Register(options.Name, process);
        }
        TState state;
        try
        {
            state = await Task.Run(() => server.Init(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            process.Finish(ExitReason.FromException(e));
            throw new GenServerStartException($"{server.GetType().Name}.Init failed: {e.Message}", e);
        }
        _ = Task.Run(() => process.RunAsync(state), CancellationToken.None);
        return process;
    }

    public override async Task<object?> Call(object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!mailbox.Writer.TryWrite(new Envelope(EnvelopeKind.Call, request, reply)))
        {
            throw new ServerExitedException(Pid, await exit.Task.ConfigureAwait(false));
        }
        var limit = timeout ?? options.CallTimeout;
        // Like an OTP monitor: the call ends with the reply, the server's exit, or the timeout.
        var outcome = Task.WhenAny(reply.Task, exit.Task);
        try
        {
            await (limit == Timeout.InfiniteTimeSpan ? outcome.WaitAsync(cancellationToken) : outcome.WaitAsync(limit, time, cancellationToken)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new CallTimeoutException(Pid, limit);
        }
        if (reply.Task.IsCompleted)
        {
            return await reply.Task.ConfigureAwait(false);
        }
        throw new ServerExitedException(Pid, exit.Task.Result);
    }

    public override void Cast(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        mailbox.Writer.TryWrite(new Envelope(EnvelopeKind.Cast, message, null));
    }

    public override void Send(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        mailbox.Writer.TryWrite(new Envelope(EnvelopeKind.Info, message, null));
    }

    public override void Stop(ExitReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (gate)
        {
            requestedStop ??= reason;
        }
        stopSource.Cancel();
    }

    public override void Kill()
    {
        Stop(ExitReason.Killed);
        // A handler stuck in user code cannot be aborted; the server is reported dead at once and
        // its loop exits, without calling Terminate, when the handler returns.
        Finish(ExitReason.Killed);
    }

    private ExitReason? RequestedStop()
    {
        lock (gate)
        {
            return requestedStop;
        }
    }

    private async Task RunAsync(TState state)
    {
        ExitReason reason;
        try
        {
            reason = await LoopAsync(state, s => state = s).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            reason = ExitReason.FromException(e);
        }
        if (exit.Task.IsCompleted)
        {
            return; // Killed.
        }
        try
        {
            await server.Terminate(reason, state).ConfigureAwait(false);
        }
        catch (Exception e) when (!reason.IsAbnormal)
        {
            reason = ExitReason.FromException(e);
        }
        catch (Exception)
        {
            // Already failing; the original reason is the more useful one.
        }
        Finish(reason);
    }

    private async Task<ExitReason> LoopAsync(TState state, Action<TState> keep)
    {
        var token = stopSource.Token;
        try
        {
            while (await mailbox.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (RequestedStop() is null && !exit.Task.IsCompleted && mailbox.Reader.TryRead(out var envelope))
                {
                    ExitReason? stop;
                    switch (envelope.Kind)
                    {
                        case EnvelopeKind.Call:
                            CallResult<TState> answer;
                            server.BeginCall(new PendingReply(envelope.Reply!));
                            try
                            {
                                answer = await server.HandleCall(envelope.Message, state).ConfigureAwait(false);
                            }
                            finally
                            {
                                server.EndCall();
                            }
                            (state, stop) = (answer.State, answer.StopReason);
                            if (!answer.Deferred)
                            {
                                envelope.Reply!.TrySetResult(answer.Reply);
                            }
                            break;
                        case EnvelopeKind.Cast:
                            (state, stop) = await server.HandleCast(envelope.Message, state).ConfigureAwait(false);
                            break;
                        default:
                            (state, stop) = await server.HandleInfo(envelope.Message, state).ConfigureAwait(false);
                            break;
                    }
                    keep(state);
                    if (stop is not null)
                    {
                        return stop;
                    }
                }
                if (RequestedStop() is { } requested)
                {
                    return requested;
                }
                if (exit.Task.IsCompleted)
                {
                    return exit.Task.Result;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return RequestedStop() ?? ExitReason.Shutdown;
        }
        return RequestedStop() ?? ExitReason.Normal;
    }

    private void Finish(ExitReason reason)
    {
        mailbox.Writer.TryComplete();
        if (!exit.TrySetResult(reason))
        {
            return;
        }
        while (mailbox.Reader.TryRead(out var envelope))
        {
            envelope.Reply?.TrySetException(new ServerExitedException(Pid, reason));
        }
        if (options.Name is not null)
        {
            options.Registry?.UnregisterIf(options.Name, this);
        }
    }

    private enum EnvelopeKind { Call, Cast, Info }

    private sealed record Envelope(EnvelopeKind Kind, object Message, TaskCompletionSource<object?>? Reply);
}
