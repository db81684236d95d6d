using System.Collections.Immutable;

namespace Zylisp.Rely.Tests.Support;

/// <summary>One child as the model sees it.</summary>
public sealed record ModelChild(string Id, RestartType Restart, bool Running);

/// <summary>
/// OTP's supervisor rules as a pure function, written independently of <see cref="Supervisor"/>
/// (it does not reuse <see cref="RestartWindow"/>), from the supervisor design principles:
/// permanent always restarts, transient only after an abnormal exit, temporary never and is
/// forgotten; more than MaxR restarts in fewer than Period seconds stops everything; one_for_all
/// and rest_for_one stop their siblings, drop temporary ones, and start the rest again, including
/// siblings that had been stopped.
/// </summary>
public sealed record OtpModel(
    SupervisorStrategy Strategy,
    RestartIntensity Intensity,
    ImmutableList<ModelChild> Children,
    ImmutableList<TimeSpan> Restarts,
    bool Alive)
{
    public static OtpModel Start(SupervisorStrategy strategy, RestartIntensity intensity, IEnumerable<(string Id, RestartType Restart)> children) =>
        new(strategy, intensity, children.Select(c => new ModelChild(c.Id, c.Restart, true)).ToImmutableList(), [], true);

    public IReadOnlyList<string> RunningIds => Children.Where(c => c.Running).Select(c => c.Id).ToList();

    public IReadOnlyList<string> StoppedIds => Children.Where(c => !c.Running).Select(c => c.Id).ToList();

    /// <summary><c>terminate_child</c>: stop it and keep its spec, unless it is temporary.</summary>
    public OtpModel Terminate(string id)
    {
        var index = Children.FindIndex(c => c.Id == id);
        if (!Alive || index < 0)
        {
            return this;
        }
        var child = Children[index];
        return this with
        {
            Children = child.Restart == RestartType.Temporary ? Children.RemoveAt(index) : Children.SetItem(index, child with { Running = false }),
        };
    }

    /// <summary><c>restart_child</c> of a stopped child: start it again; not counted against intensity.</summary>
    public OtpModel Restart(string id)
    {
        var index = Children.FindIndex(c => c.Id == id);
        if (!Alive || index < 0 || Children[index].Running)
        {
            return this;
        }
        return this with { Children = Children.SetItem(index, Children[index] with { Running = true }) };
    }

    /// <summary>The child <paramref name="id"/> exits on its own at time <paramref name="now"/>.</summary>
    public OtpModel Exit(string id, bool abnormal, TimeSpan now)
    {
        var index = Children.FindIndex(c => c.Id == id);
        if (!Alive || index < 0 || !Children[index].Running)
        {
            return this;
        }
        var child = Children[index];
        var children = Children.SetItem(index, child with { Running = false });
        var restart = child.Restart == RestartType.Permanent || (child.Restart == RestartType.Transient && abnormal);
        if (!restart)
        {
            return this with { Children = child.Restart == RestartType.Temporary ? children.RemoveAt(index) : children };
        }
        var restarts = Restarts.Where(t => now - t < Intensity.Period).Append(now).ToImmutableList();
        if (restarts.Count > Intensity.MaxRestarts)
        {
            return this with { Children = children.Select(c => c with { Running = false }).ToImmutableList(), Restarts = restarts, Alive = false };
        }
        var (first, last) = Strategy switch
        {
            SupervisorStrategy.OneForAll => (0, children.Count - 1),
            SupervisorStrategy.RestForOne => (index, children.Count - 1),
            _ => (index, index),
        };
        var next = ImmutableList.CreateBuilder<ModelChild>();
        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i];
            var inGroup = i >= first && i <= last;
            if (inGroup && i != index && c.Restart == RestartType.Temporary)
            {
                continue;
            }
            next.Add(inGroup ? c with { Running = true } : c);
        }
        return this with { Children = next.ToImmutable(), Restarts = restarts };
    }
}
