using System.Collections.Immutable;
using Zylisp.Rely;

namespace Zylisp.Repl.Server;

/// <summary>
/// The session registry: a GenServer that owns adding and removing sessions, one change at a time,
/// and publishes each new table to <see cref="SessionTable"/>, which request handlers read without
/// a call. The table outlives the GenServer, so a restarted registry takes it back (like an ETS
/// table held by the server's supervisor).
/// </summary>
internal sealed class SessionRegistry(SessionTable table) : GenServer<ImmutableDictionary<string, ServerSession>>
{
    public sealed record Add(ServerSession Session);

    public sealed record Remove(string Id);

    protected override Task<ImmutableDictionary<string, ServerSession>> Init(CancellationToken cancellationToken) =>
        Task.FromResult(table.Current);

    protected override Task<CallResult<ImmutableDictionary<string, ServerSession>>> HandleCall(object request, ImmutableDictionary<string, ServerSession> state)
    {
        var (next, reply) = request switch
        {
            Add add => (state.SetItem(add.Session.Id, add.Session), (object?)add.Session),
            Remove remove => (state.Remove(remove.Id), state.GetValueOrDefault(remove.Id)),
            _ => throw new NotSupportedException($"session registry: unexpected call {request}"),
        };
        table.Current = next;
        return Task.FromResult(CallResult.Reply(reply, next));
    }
}

/// <summary>The current sessions, readable from any thread.</summary>
internal sealed class SessionTable
{
    private ImmutableDictionary<string, ServerSession> current = ImmutableDictionary.Create<string, ServerSession>(StringComparer.Ordinal);

    public ImmutableDictionary<string, ServerSession> Current
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, value);
    }

    public ServerSession? Find(string? id) => id is not null && Current.TryGetValue(id, out var session) ? session : null;
}
