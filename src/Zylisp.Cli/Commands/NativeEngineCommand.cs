using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Compiler.Native;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp run --engine native</c>: the whole program compiled by the native backend and run in
/// this process from mmap'd pages. <c>eval</c> and <c>repl</c> use a native session instead
/// (NativeEngine, through <see cref="Hosting.EngineHost"/>).
/// </summary>
internal static class NativeEngineCommand
{
    public static readonly string[] Engines = ["interp", "native"];

    /// <param name="noCache">Whether to leave the on-disk cache (the native library's analyzed forms) alone: <c>--no-cache</c>.</param>
    public static int Run(string path, IReadOnlyList<string> args, OutputOptions options, bool noCache = false) =>
        path != RunRequest.StandardInput && !File.Exists(path)
            ? Usage($"cannot read '{path}': no such file")
            : Execute(path == RunRequest.StandardInput ? Console.In.ReadToEnd() : File.ReadAllText(path), path == RunRequest.StandardInput ? RunCommand.StandardInputName : path, ExitRule.CallMain, args, options, noCache);

    private static int Execute(string source, string name, ExitRule exit, IReadOnlyList<string> args, OutputOptions options, bool noCache)
    {
        using var streams = StandardStreams.Open();
        var cache = noCache ? null : ProgramCollector.DefaultCacheDirectory();
        var collected = ProgramCollector.Collect(source, name, exit, cache);
        var sources = collected.Sources ?? new SourceRegistry();
        if (collected.Program is null)
        {
            new DiagnosticReporter(options).ReportErrors(collected.Diagnostics, sources, streams);
            return ExitCodes.ProgramFailed;
        }

        try
        {
            // The native code writes to file descriptors 1 and 2 itself; nothing may be left buffered before it.
            streams.Out.Flush();
            streams.Error.Flush();
            return NativeCompiler.RunInProcess(collected.Program, args, CompileOptions(cache));
        }
        catch (NativeCompileException e)
        {
            new DiagnosticReporter(options).ReportErrors([e.ToDiagnostic()], sources, streams);
            return ExitCodes.ProgramFailed;
        }
    }

    /// <summary>
    /// The native compile options from the environment: ZYLISP_NATIVE_GC_STRESS=N compiles a
    /// garbage collection into every Nth allocation (for hunting a missing root; see
    /// docs/design/native-backend.md). Read by <c>run|eval --engine native</c> and <c>build --target native</c>.
    /// <paramref name="cacheDirectory"/> is the zylisp cache folder the back end may use (null with <c>--no-cache</c>).
    /// </summary>
    public static NativeOptions CompileOptions(string? cacheDirectory = null) =>
        int.TryParse(Environment.GetEnvironmentVariable("ZYLISP_NATIVE_GC_STRESS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var interval) && interval > 0
            ? new NativeOptions(GcStressInterval: interval, CacheDirectory: cacheDirectory)
            : cacheDirectory is null ? NativeOptions.Default : new NativeOptions(CacheDirectory: cacheDirectory);

    private static int Usage(string message)
    {
        Console.Error.WriteLine("zylisp run: " + message);
        return ExitCodes.Usage;
    }
}
