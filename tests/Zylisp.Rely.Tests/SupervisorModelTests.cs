using FsCheck;
using FsCheck.Fluent;
using Zylisp.Rely.Tests.Support;

namespace Zylisp.Rely.Tests;

/// <summary>Random crash sequences against the pure OTP model: the real tree must always match it.</summary>
public sealed class SupervisorModelTests
{
    /// <summary>What happens at one step: a child crashes or finishes, or an operator terminates or restarts one.</summary>
    public enum Action { Crash, Finish, Terminate, Restart }

    public sealed record Step(int Pick, Action Action, int AdvanceSeconds);

    public sealed record Scenario(SupervisorStrategy Strategy, int MaxRestarts, RestartType[] Children, Step[] Steps)
    {
        public override string ToString() =>
            $"{Strategy} max={MaxRestarts} children=[{string.Join(",", Children)}] steps=[{string.Join(" ", Steps.Select(s => $"{s.Action}({s.Pick})+{s.AdvanceSeconds}"))}]";
    }

    private static readonly Gen<Scenario> Scenarios =
        from strategy in Gen.Elements(SupervisorStrategy.OneForOne, SupervisorStrategy.OneForAll, SupervisorStrategy.RestForOne)
        from maxRestarts in Gen.Choose(0, 4)
        from count in Gen.Choose(1, 5)
        from children in Gen.ArrayOf(Gen.Elements(RestartType.Permanent, RestartType.Transient, RestartType.Temporary), count)
        from steps in Gen.ArrayOf(
            from pick in Gen.Choose(0, 99)
            from action in Gen.Frequency((4, Gen.Constant(Action.Crash)), (3, Gen.Constant(Action.Finish)), (1, Gen.Constant(Action.Terminate)), (1, Gen.Constant(Action.Restart)))
            from advance in Gen.Choose(0, 6)
            select new Step(pick, action, advance))
        select new Scenario(strategy, maxRestarts, children, steps);

    [Fact]
    public void Random_crash_sequences_leave_the_tree_as_otp_prescribes()
    {
        var property = Prop.ForAll(Arb.From(Scenarios), scenario => Run(scenario).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    private static async Task<bool> Run(Scenario scenario)
    {
        var intensity = new RestartIntensity(scenario.MaxRestarts, TimeSpan.FromSeconds(10));
        var ids = scenario.Children.Select((restart, i) => ($"c{i}", restart)).ToList();
        var model = OtpModel.Start(scenario.Strategy, intensity, ids);
        await using var h = await Harness.StartAsync(scenario.Strategy, p => ids.Select(c => p.Spec(c.Item1, c.restart)).ToList(), intensity);
        var now = TimeSpan.Zero;
        foreach (var step in scenario.Steps)
        {
            h.Clock.Advance(TimeSpan.FromSeconds(step.AdvanceSeconds));
            now += TimeSpan.FromSeconds(step.AdvanceSeconds);
            var candidates = step.Action == Action.Restart ? model.StoppedIds : model.RunningIds;
            if (candidates.Count == 0)
            {
                continue;
            }
            var id = candidates[step.Pick % candidates.Count];
            switch (step.Action)
            {
                case Action.Crash:
                    model = model.Exit(id, abnormal: true, now);
                    await h.Crash(id);
                    break;
                case Action.Finish:
                    model = model.Exit(id, abnormal: false, now);
                    await h.Finish(id);
                    break;
                case Action.Terminate:
                    model = model.Terminate(id);
                    await h.Supervisor.TerminateChild(id);
                    break;
                case Action.Restart:
                    model = model.Restart(id);
                    await h.Supervisor.RestartChild(id);
                    break;
            }
            if (!model.Alive)
            {
                var reason = await h.Exited();
                Assert.Equal("restart-intensity", reason.Tag);
                return true;
            }
            var expected = model.Children.Select(c => $"{c.Id}:{(c.Running ? "up" : "down")}");
            var actual = (await h.Supervisor.WhichChildren()).Select(c => $"{c.Id}:{(c.State == ChildState.Running ? "up" : "down")}");
            Assert.Equal(expected, actual);
        }
        Assert.False(h.Supervisor.Completion.IsCompleted);
        return true;
    }
}
