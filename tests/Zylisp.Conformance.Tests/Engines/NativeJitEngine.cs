namespace Zylisp.Conformance.Tests;

/// <summary>
/// The native backend in-process, as a user runs it: <c>zylisp run --engine native FILE ARGS…</c>
/// as a separate process (the machine code runs in mmap'd pages of that process, so its output
/// goes straight to the process's stdout). A program the backend cannot compile is skipped with
/// the same reason as on <see cref="NativeEngine"/>.
/// </summary>
public sealed class NativeJitEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);

    public string Name => "native-jit";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>();

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        NativeEngine.BuildOrSkip(path);
        var dotnet = Environment.ProcessPath ?? "dotnet";
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "zylisp.dll"), "run", "--engine", "native", path, .. args];
        return ChildProgram.Run(dotnet, arguments, Path.GetDirectoryName(path)!, RunawayGuard, new Dictionary<string, string> { ["NO_COLOR"] = "1" });
    }
}
