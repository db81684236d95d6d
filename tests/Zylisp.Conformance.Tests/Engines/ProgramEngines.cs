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
        new NativeEngine("native-gc-stress", new Zylisp.Compiler.Native.NativeOptions(GcStressInterval: 1)),
        new GoEngine(),
        new DotnetEngine(),
    ];

    public static IProgramEngine Named(string name) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException("no program engine named " + name, nameof(name));
}
