using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Compiler.Go;

namespace Zylisp.Cli.Commands;

/// <summary>What <c>zylisp build</c> and <c>zylisp compile</c> were asked to do.</summary>
internal sealed record BuildRequest(string Target, string Path, string? Output, string? Emit, OutputOptions Options);

/// <summary>
/// <c>zylisp build --target go FILE -o OUT</c> and <c>zylisp compile FILE [-o OUT]</c>: an
/// ahead-of-time build. The Go target's work is <see cref="GoBuilder"/>'s; this only reads the
/// file, picks the output path and prints the outcome.
/// </summary>
internal static class BuildCommand
{
    public static readonly string[] Targets = ["go", "dotnet", "native"];

    public static int Execute(BuildRequest request)
    {
        using var streams = StandardStreams.Open();
        var command = "zylisp build";
        if (request.Target != "go")
        {
            streams.Error.WriteLine($"{command}: the {request.Target} target is not available in this build of zylisp yet; use --target go");
            return ExitCodes.Usage;
        }

        if (CommandInput.TryReadBytes(request.Path, out var problem) is not { } bytes)
        {
            streams.Error.WriteLine($"{command}: cannot read '{request.Path}': {problem}");
            return ExitCodes.Usage;
        }

        var source = CommandInput.DecodeUtf8(bytes);
        var name = CommandInput.DisplayName(request.Path);
        var output = request.Output ?? DefaultOutput(request);
        var outcome = request.Emit switch
        {
            "go" => GoBuilder.EmitGo(source, name, output),
            "zast" => GoBuilder.EmitZast(source, name, output),
            _ => GoBuilder.Build(source, name, output),
        };

        if (outcome.Sources is { } sources)
        {
            new DiagnosticReporter(request.Options).ReportErrors(outcome.FrontEndDiagnostics, sources, streams);
        }

        foreach (var diagnostic in outcome.Diagnostics)
        {
            streams.Error.WriteLine(diagnostic.ToString());
        }

        if (outcome.KeptModule is { } module && outcome.Diagnostics.All(d => d.Id != GoDiagnostics.GoBuildFailedId))
        {
            streams.Error.WriteLine($"(the generated Go module is kept at {module})");
        }

        return outcome.Success ? ExitCodes.Success : ExitCodes.ProgramFailed;
    }

    /// <summary>OUT defaults to the file's name without its extension (with .zast for --emit zast), in the current directory.</summary>
    private static string DefaultOutput(BuildRequest request)
    {
        var stem = Path.GetFileNameWithoutExtension(request.Path == RunRequest.StandardInput ? "main" : request.Path);
        return request.Emit switch
        {
            "zast" => stem + ".zast",
            "go" => stem + "-go",
            _ => stem,
        };
    }
}
