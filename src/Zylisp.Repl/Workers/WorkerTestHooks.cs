using Zylisp.Lang;
using Zylisp.Lang.Runtime;

namespace Zylisp.Repl.Workers;

/// <summary>
/// Globals a worker defines only when started with <see cref="EnvironmentVariable"/>=1, for the
/// fault tests of paths no real Zylisp code can reach any more. Since every core loop polls for
/// interrupts (issue 15), only a host call that blocks (a native call, a stuck read) ignores an
/// interrupt; <c>__worker-test-block</c> is such a call, so the kill-after-grace path stays tested.
/// Normal workers never define these names.
/// </summary>
internal static class WorkerTestHooks
{
    public const string EnvironmentVariable = "ZYLISP_WORKER_TEST_HOOKS";

    public const string BlockName = "__worker-test-block";

    public static bool Enabled => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    public static void Install(Engine engine)
    {
        engine.SetGlobal(BlockName, new Builtin(
            BlockName,
            0,
            0,
            "([])",
            "Test hook: blocks this thread forever without polling for interrupts.",
            static (_, _) =>
            {
                // Sleeps rather than spins: the machine's cores are shared, and a sleeping thread
                // ignores cancellation just as a native loop does.
                Thread.Sleep(Timeout.Infinite);
                return null;
            }));
    }
}
