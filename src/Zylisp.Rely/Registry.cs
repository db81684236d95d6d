using System.Collections.Concurrent;

namespace Zylisp.Rely;

/// <summary>
/// Names for processes, like Erlang's <c>register</c>/<c>whereis</c>. A name is removed
/// automatically when its process exits, and only if it still names that same incarnation, so a
/// restarted server can take its name back without racing the old one's cleanup.
/// </summary>
public sealed class Registry
{
    private readonly ConcurrentDictionary<string, IProcess> names = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="process"/> under <paramref name="name"/>; false if a live process holds the name.</summary>
    public bool TryRegister(string name, IProcess process)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(process);
        while (true)
        {
            if (names.TryAdd(name, process))
            {
                break;
            }
            if (!names.TryGetValue(name, out var holder))
            {
                continue;
            }
            if (ReferenceEquals(holder, process))
            {
                return true;
            }
            if (!holder.Completion.IsCompleted)
            {
                return false;
            }
            // The holder is dead but its cleanup has not run yet: take the name over.
            if (names.TryUpdate(name, process, holder))
            {
                break;
            }
        }
        _ = RemoveOnExitAsync(name, process);
        return true;
    }

    /// <summary>Like <see cref="TryRegister"/>, but a taken name throws <see cref="ArgumentException"/>.</summary>
    public void Register(string name, IProcess process)
    {
        if (!TryRegister(name, process))
        {
            throw new ArgumentException($"the name '{name}' is already registered to {WhereIs(name)?.Pid}", nameof(name));
        }
    }

    /// <summary>The live process registered under <paramref name="name"/>, or null.</summary>
    public IProcess? WhereIs(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return names.TryGetValue(name, out var process) && !process.Completion.IsCompleted ? process : null;
    }

    /// <summary>Typed <see cref="WhereIs(string)"/>: null also when the process is not a <typeparamref name="T"/>.</summary>
    public T? WhereIs<T>(string name) where T : class, IProcess => WhereIs(name) as T;

    /// <summary>Removes the name; false if it was not registered.</summary>
    public bool Unregister(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return names.TryRemove(name, out _);
    }

    /// <summary>Every name that currently maps to a live process.</summary>
    public IReadOnlyList<string> RegisteredNames =>
        names.Where(pair => !pair.Value.Completion.IsCompleted).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Starts <paramref name="server"/> registered under <paramref name="name"/>; fails if the name is taken.</summary>
    public Task<GenServerRef> StartGenServer<TState>(string name, GenServer<TState> server, GenServerOptions? options = null) =>
        GenServer.StartAsync(server, (options ?? new GenServerOptions()) with { Name = name, Registry = this });

    internal void UnregisterIf(string name, IProcess process) =>
        names.TryRemove(new KeyValuePair<string, IProcess>(name, process));

    private async Task RemoveOnExitAsync(string name, IProcess process)
    {
        await process.Completion.ConfigureAwait(false);
        UnregisterIf(name, process);
    }
}
