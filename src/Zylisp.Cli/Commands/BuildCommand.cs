using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Compiler.Native;

namespace Zylisp.Cli.Commands;

/// <summary>
/// <c>zylisp build --target native FILE|-e EXPR -o OUT [--emit asm]</c>: an ahead-of-time build.
/// Only the native target exists so far; other targets plug in beside it.
/// </summary>
internal static class BuildCommand
{
    public static readonly string[] Targets = ["native"];

    public static int Execute(string target, string? path, string? expression, string? output, string? emit, OutputOptions options)
    {
        using var streams = StandardStreams.Open();
        if ((path is null) == (expression is null))
        {
            streams.Error.WriteLine("zylisp build: give either a FILE or -e EXPR");
            return ExitCodes.Usage;
        }

        if (output is null && emit is null)
        {
            streams.Error.WriteLine("zylisp build: give -o OUT (or --emit asm to print the code)");
            return ExitCodes.Usage;
        }

        string source;
        string name;
        if (expression is not null)
        {
            (source, name) = (expression, ExpandCommand.ExpressionName);
        }
        else if (File.Exists(path))
        {
            (source, name) = (File.ReadAllText(path!), path!);
        }
        else
        {
            streams.Error.WriteLine($"zylisp build: cannot read '{path}': no such file");
            return ExitCodes.Usage;
        }

        var collected = ProgramCollector.Collect(source, name, expression is null ? ExitRule.CallMain : ExitRule.LastValue);
        if (collected.Program is null)
        {
            var engine = EngineHost.Create(streams);
            new DiagnosticReporter(options).ReportErrors(collected.Diagnostics, engine.Sources, streams);
            foreach (var diagnostic in collected.Diagnostics.Where(d => d.IsError))
            {
                streams.Error.WriteLine(diagnostic.Message);
            }

            return ExitCodes.ProgramFailed;
        }

        try
        {
            if (emit == "asm")
            {
                streams.Out.Write(NativeCompiler.Disassemble(collected.Program));
            }

            if (output is not null)
            {
                File.WriteAllBytes(output, NativeCompiler.BuildExecutable(collected.Program));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(output, File.GetUnixFileMode(output) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
            }

            return ExitCodes.Success;
        }
        catch (NativeCompileException e)
        {
            streams.Error.WriteLine(e.Message);
            return ExitCodes.ProgramFailed;
        }
    }
}
