using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Compiler.Go;
using Zylisp.Compiler.Native;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Commands;

/// <summary>
/// What <c>zylisp build</c> and <c>zylisp compile</c> were asked to do: FILE or -e EXPR, OUT, and an
/// optional intermediate to emit; <see cref="NoCache"/> (<c>--no-cache</c>) keeps a native build
/// from the on-disk cache (the library's analyzed forms, docs/design/native-compile-latency.md).
/// </summary>
internal sealed record BuildRequest(string Target, string? Path, string? Expression, string? Output, string? Emit, OutputOptions Options, bool NoCache = false);

/// <summary>
/// <c>zylisp build --target go|native FILE -o OUT</c>, <c>zylisp build --target native -e EXPR -o OUT</c>
/// and <c>zylisp compile FILE [-o OUT]</c> (Go): ahead-of-time builds. Each target's work is its
/// backend's (<see cref="GoBuilder"/>, <see cref="NativeCompiler"/>); this only reads the input,
/// picks the output path and reports the outcome.
/// </summary>
internal static class BuildCommand
{
    public static readonly string[] Targets = ["go", "native", "dotnet"];

    public static readonly string[] Intermediates = ["go", "zast", "asm"];

    public static int Execute(BuildRequest request)
    {
        using var streams = StandardStreams.Open();
        const string command = "zylisp build";
        if ((request.Path is null) == (request.Expression is null))
        {
            streams.Error.WriteLine($"{command}: give either a FILE or -e EXPR");
            return ExitCodes.Usage;
        }

        if (request.Emit is { } emit && (emit == "asm") != (request.Target == "native"))
        {
            streams.Error.WriteLine($"{command}: --emit {emit} is not an intermediate of the {request.Target} target (go: go, zast; native: asm)");
            return ExitCodes.Usage;
        }

        return request.Target switch
        {
            "go" when request.Expression is not null => Refuse(streams, $"{command}: -e EXPR builds only for --target native; put the expression in a file's -main"),
            "go" => BuildGo(request, streams),
            "native" => BuildNative(request, streams),
            "dotnet" when request.Expression is not null || request.Emit is not null => Refuse(streams, $"{command}: --target dotnet builds a FILE (put an expression in a file's -main); it has no --emit"),
            "dotnet" => DotnetBuildCommand.Build(request, streams),
            _ => Refuse(streams, $"{command}: the {request.Target} target is not available in this build of zylisp yet; use --target go, native or dotnet"),
        };
    }

    private static int Refuse(StandardStreams streams, string message)
    {
        streams.Error.WriteLine(message);
        return ExitCodes.Usage;
    }

    internal static (string Source, string Name)? ReadInput(BuildRequest request, StandardStreams streams)
    {
        if (request.Expression is { } expression)
        {
            return (expression, ExpandCommand.ExpressionName);
        }

        if (CommandInput.TryReadBytes(request.Path!, out var problem) is not { } bytes)
        {
            streams.Error.WriteLine($"zylisp build: cannot read '{request.Path}': {problem}");
            return null;
        }

        return (Utf8Source.Decode(bytes), CommandInput.DisplayName(request.Path!));
    }

    private static int BuildGo(BuildRequest request, StandardStreams streams)
    {
        if (ReadInput(request, streams) is not var (source, name))
        {
            return ExitCodes.Usage;
        }

        var output = request.Output ?? DefaultOutput(request);
        if (request.Emit is null && Directory.Exists(output))
        {
            // The go tool would put the program inside it; OUT is the executable on every target.
            return CannotWrite(streams, output, IsADirectory);
        }

        GoBuildOutcome outcome;
        try
        {
            outcome = request.Emit switch
            {
                "go" => GoBuilder.EmitGo(source, name, output),
                "zast" => GoBuilder.EmitZast(source, name, output),
                _ => GoBuilder.Build(source, name, output),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CannotWrite(streams, output, Reason(output, e));
        }

        var reporter = new DiagnosticReporter(request.Options);
        var sources = outcome.Sources ?? new SourceRegistry();
        reporter.ReportErrors(outcome.FrontEndDiagnostics, sources, streams);
        reporter.ReportErrors([.. outcome.Diagnostics.Select(d => d.ToDiagnostic())], sources, streams);

        if (outcome.KeptModule is { } module && outcome.Diagnostics.All(d => d.Id != GoDiagnostics.GoBuildFailedId))
        {
            streams.Error.WriteLine($"(the generated Go module is kept at {module})");
        }

        return outcome.Success ? ExitCodes.Success : ExitCodes.ProgramFailed;
    }

    private static int BuildNative(BuildRequest request, StandardStreams streams)
    {
        if (request.Output is null && request.Emit is null)
        {
            return Refuse(streams, "zylisp build: give -o OUT (or --emit asm to print the code)");
        }

        if (ReadInput(request, streams) is not var (source, name))
        {
            return ExitCodes.Usage;
        }

        var cache = request.NoCache ? null : ProgramCollector.DefaultCacheDirectory();
        var collected = ProgramCollector.Collect(source, name, request.Expression is null ? ExitRule.CallMain : ExitRule.LastValue, cache);
        var sources = collected.Sources ?? new SourceRegistry();
        if (collected.Program is null)
        {
            new DiagnosticReporter(request.Options).ReportErrors(collected.Diagnostics, sources, streams);
            return ExitCodes.ProgramFailed;
        }

        try
        {
            if (request.Emit == "asm")
            {
                streams.Out.Write(NativeCompiler.Disassemble(collected.Program, NativeEngineCommand.CompileOptions(cache)));
            }

            if (request.Output is { } output)
            {
                File.WriteAllBytes(output, NativeCompiler.BuildExecutable(collected.Program, NativeEngineCommand.CompileOptions(cache)));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(output, File.GetUnixFileMode(output) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
            }

            return ExitCodes.Success;
        }
        catch (NativeCompileException e)
        {
            new DiagnosticReporter(request.Options).ReportErrors([e.ToDiagnostic()], sources, streams);
            return ExitCodes.ProgramFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CannotWrite(streams, request.Output!, Reason(request.Output!, e));
        }
    }

    /// <summary>An output that cannot be written (a missing or read-only folder, a folder in the file's place) is the user's to fix, never an internal error.</summary>
    internal static int CannotWrite(StandardStreams streams, string output, string reason)
    {
        streams.Error.WriteLine($"zylisp build: cannot write '{output}': {reason}");
        return ExitCodes.ProgramFailed;
    }

    private const string IsADirectory = "it is a directory";

    /// <summary>Why writing <paramref name="output"/> failed, in the user's terms (.NET reports a directory in the way as access denied).</summary>
    internal static string Reason(string output, Exception e) =>
        Directory.Exists(output) && e is UnauthorizedAccessException ? IsADirectory : e.Message;

    /// <summary>OUT defaults to the file's name without its extension (with .zast for --emit zast), in the current directory.</summary>
    internal static string DefaultOutput(BuildRequest request)
    {
        var stem = Path.GetFileNameWithoutExtension(request.Path is null or RunRequest.StandardInput ? "main" : request.Path);
        return request.Emit switch
        {
            "zast" => stem + ".zast",
            "go" => stem + "-go",
            _ => stem,
        };
    }
}
