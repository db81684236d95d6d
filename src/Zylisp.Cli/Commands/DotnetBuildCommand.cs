using System.Reflection;
using Zylisp.Cli.Hosting;
using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp build --target dotnet FILE -o OUT</c>: collects the program (the front end runs as
/// for every ahead-of-time target), then writes it as a persisted .NET assembly with its runtime
/// beside it (<see cref="DotnetProgramBuilder"/>). The built program runs through
/// <see cref="BuiltProgramHost"/>, so it behaves as <c>zylisp run FILE</c>.
/// </summary>
internal static class DotnetBuildCommand
{
    public static readonly MethodInfo EntryHost = typeof(BuiltProgramHost).GetMethod(nameof(BuiltProgramHost.RunProgram))!;

    public static int Build(BuildRequest request, StandardStreams streams)
    {
        if (BuildCommand.ReadInput(request, streams) is not var (source, name))
        {
            return ExitCodes.Usage;
        }

        var collected = Engine.CollectProgram(source, name, new EngineOptions { TargetName = "dotnet" });
        if (!collected.Success)
        {
            new DiagnosticReporter(request.Options).ReportErrors(collected.Diagnostics, collected.Sources ?? new SourceRegistry(), streams);
            return ExitCodes.ProgramFailed;
        }

        var output = request.Output ?? BuildCommand.DefaultOutput(request);
        try
        {
            DotnetProgramBuilder.Build([.. collected.Definitions, .. collected.Forms], source, name, output, EntryHost);
            return ExitCodes.Success;
        }
        catch (ArgumentException e)
        {
            streams.Error.WriteLine("zylisp build: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return BuildCommand.CannotWrite(streams, output, BuildCommand.Reason(output, e));
        }
    }
}
