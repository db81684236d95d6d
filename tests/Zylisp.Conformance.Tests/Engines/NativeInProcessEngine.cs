using System.Runtime.InteropServices;
using Zylisp.Compiler.Native;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// <c>zylisp run --engine native FILE ARGS…</c> as a separate process: the same machine code as
/// <see cref="NativeEngine"/>'s executable, but mapped and called inside the zylisp process. A
/// program the backend cannot compile yet is skipped with the compile-time error, as there.
/// </summary>
public sealed class NativeInProcessEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);

    public string Name => "native-inprocess";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "regex-unicode-tables", "lone-surrogates" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        Skip.IfNot(
            OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64,
            "the native engine runs x86-64 code on Linux");
        var collected = ProgramCollector.Collect(File.ReadAllText(path), path, ExitRule.CallMain);
        if (collected.Program is null)
        {
            throw new SkipException("does not build ahead of time: " +
                string.Join("; ", collected.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        }

        try
        {
            _ = NativeCompiler.Disassemble(collected.Program);
        }
        catch (NativeCompileException e)
        {
            throw new SkipException(e.Message);
        }

        var dotnet = Environment.ProcessPath ?? "dotnet";
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "zylisp.dll"), "run", "--engine", "native", path, .. args];
        return ChildProgram.Run(dotnet, arguments, Path.GetDirectoryName(path)!, RunawayGuard, new Dictionary<string, string> { ["NO_COLOR"] = "1" });
    }
}
