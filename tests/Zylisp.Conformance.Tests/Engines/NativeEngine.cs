using System.Runtime.InteropServices;
using Zylisp.Compiler.Native;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Builds a program with the native backend (in-process, as <c>zylisp build --target native</c>
/// does) and runs the executable as a separate process. A program the backend cannot compile yet
/// is reported as skipped with the compile-time error, which names the native engine and the
/// construct; it never passes silently. With <see cref="NativeOptions.GcStressInterval"/> set, the
/// same programs run with a collection on every allocation, so a root the collector misses
/// corrupts some program's output here.
/// </summary>
public sealed class NativeEngine(string name = "native", NativeOptions? options = null, IReadOnlyDictionary<string, string>? skips = null) : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(30);

    public string Name => name;

    /// <summary>A native executable carries no compiler, so programs that need one are skipped; its sequences are lazy.</summary>
    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "lazy-sequences", "regex-unicode-tables", "lone-surrogates" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        Skip.IfNot(
            OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64,
            "native executables are Linux x86-64 binaries");
        var relative = Path.GetRelativePath(RepositoryRoot.ProgramsDirectory, path).Replace('\\', '/');
        if (skips?.TryGetValue(relative, out var reason) == true)
        {
            throw new SkipException($"{relative} on {name}: {reason}");
        }

        var collected = ProgramCollector.Collect(File.ReadAllText(path), path, ExitRule.CallMain);
        if (collected.Program is null)
        {
            // The interpreter runs the forms before a compile-time error; an ahead-of-time build
            // cannot, so such a program is not comparable. Say so with the front end's message.
            throw new SkipException("does not build ahead of time: " +
                string.Join("; ", collected.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        }

        byte[] image;
        try
        {
            image = NativeCompiler.BuildExecutable(collected.Program, options);
        }
        catch (NativeCompileException e)
        {
            throw new SkipException(e.Message);
        }

        var executable = Path.Combine(Path.GetTempPath(), "zylisp-conformance-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(executable, image);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return ChildProgram.Run(executable, args, Path.GetDirectoryName(path)!, RunawayGuard);
        }
        finally
        {
            File.Delete(executable);
        }
    }

    /// <summary>The executable's bytes, or a skip naming what the native backend cannot compile yet.</summary>
    internal static byte[] BuildOrSkip(string path, NativeOptions? options = null)
    {
        Skip.IfNot(
            OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64,
            "native executables are Linux x86-64 binaries");
        var collected = ProgramCollector.Collect(File.ReadAllText(path), path, ExitRule.CallMain);
        if (collected.Program is null)
        {
            // The interpreter runs the forms before a compile-time error; an ahead-of-time build
            // cannot, so such a program is not comparable. Say so with the front end's message.
            throw new SkipException("does not build ahead of time: " +
                string.Join("; ", collected.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        }

        try
        {
            return NativeCompiler.BuildExecutable(collected.Program, options);
        }
        catch (NativeCompileException e)
        {
            throw new SkipException(e.Message);
        }
    }
}
