using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Commands;

/// <summary><c>zylisp expand FILE|-e EXPR [--stage S]</c>: print the core forms after macro expansion (pretty-printed), or a later stage's IR.</summary>
internal static class ExpandCommand
{
    public const string ExpressionName = "<expr>";

    public static int Execute(string? path, string? expression, string stage, OutputOptions options)
    {
        using var streams = StandardStreams.Open();
        if ((path is null) == (expression is null))
        {
            streams.Error.WriteLine("zylisp expand: give either a FILE or -e EXPR");
            streams.Error.WriteLine("Try 'zylisp expand --help'.");
            return ExitCodes.Usage;
        }

        string source;
        string name;
        if (expression is not null)
        {
            (source, name) = (expression, ExpressionName);
        }
        else if (CommandInput.TryReadBytes(path!, out var problem) is { } bytes)
        {
            (source, name) = (Utf8Source.Decode(bytes), CommandInput.DisplayName(path!));
        }
        else
        {
            streams.Error.WriteLine($"zylisp expand: cannot read '{path}': {problem}");
            return ExitCodes.Usage;
        }

        var engine = EngineHost.Create(streams);
        var result = stage == "expand" ? engine.Expand(source, name) : engine.DumpAfter(StageToPass(stage), source, name);
        foreach (var form in result.Forms)
        {
            // The IR stages print strings already laid out; forms are pretty-printed.
            streams.Out.WriteLine(form is string ir ? ir : FormLayout.Pretty(form));
        }

        new DiagnosticReporter(options).ReportErrors(result.Diagnostics, engine.Sources, streams);
        return streams.Finish(result.Success ? ExitCodes.Success : ExitCodes.ProgramFailed);
    }

    private static string StageToPass(string stage) => stage == "lowered" ? "lower" : stage;
}
