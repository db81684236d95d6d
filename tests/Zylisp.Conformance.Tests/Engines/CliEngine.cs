namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs a program the way a user does: the real <c>zylisp run FILE ARGS…</c> command as a
/// separate process (the zylisp.dll this test project's build placed beside it).
/// </summary>
public sealed class CliEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);

    public string Name => "zylisp-run";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "compiler", "lazy-sequences", "dotnet", "call-depth-limit", "regex-unicode-tables", "lone-surrogates" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        var dotnet = Environment.ProcessPath ?? "dotnet";
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "zylisp.dll"), "run", path, .. args];
        return ChildProgram.Run(dotnet, arguments, Path.GetDirectoryName(path)!, RunawayGuard, new Dictionary<string, string> { ["NO_COLOR"] = "1" });
    }
}
