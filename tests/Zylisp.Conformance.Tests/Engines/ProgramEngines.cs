namespace Zylisp.Conformance.Tests;

/// <summary>
/// The engines every corpus program runs on. The interpreter is the oracle; a new backend (IL,
/// Go, native) joins the differential run with one line here.
/// </summary>
public static class ProgramEngines
{
    public static readonly IReadOnlyList<IProgramEngine> All =
    [
        InProcessEngine.Interpreter,
        InProcessEngine.Lowered,
        InProcessEngine.Il,
        InProcessEngine.Tiered,
        new CliEngine(),
        new NativeEngine(),
        new NativeInProcessEngine(),
        new NativeSessionEngine(),
        new NativeEngine("native-gc-stress", new Zylisp.Compiler.Native.NativeOptions(GcStressInterval: 1), StressSkips),
        new GoEngine(),
        new DotnetEngine(),
    ];

    /// <summary>
    /// Programs too allocation-heavy for a collection on every allocation within the runaway guard.
    /// The plain native engine runs them; LazySequenceTests stresses the same object types on a small workload.
    /// </summary>
    private static IReadOnlyDictionary<string, string> StressSkips => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["realistic/lazy_primes.zl"] = "allocates about a million lazy-seq cells (0.1 s natively); a collection on each takes minutes",
        ["lib/deep_values.zl"] = "keeps values 100,000 levels deep alive while building more (0.2 s natively); a collection on each allocation marks them all, past the 30 s guard; GcTests marks deep graphs under stress",
    };

    public static IProgramEngine Named(string name) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException("no program engine named " + name, nameof(name));
}
