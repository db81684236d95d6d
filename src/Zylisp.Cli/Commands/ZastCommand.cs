using System.Text;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Zast;
using Zylisp.Zast.Diagnostics;
using Zylisp.Zast.Writing;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Commands;

/// <summary>The four <c>zylisp zast</c> subcommands.</summary>
internal enum ZastVerb
{
    /// <summary><c>from-go FILE.go</c>: Go source to canonical S-expressions.</summary>
    FromGo,

    /// <summary><c>to-go FILE.zast</c>: canonical S-expressions to gofmt-formatted Go.</summary>
    ToGo,

    /// <summary><c>validate FILE.zast</c>: silent on success, diagnostics otherwise.</summary>
    Validate,

    /// <summary><c>fmt FILE.zast</c>: canonical S-expressions rewritten in canonical layout.</summary>
    Format,
}

/// <summary>
/// <c>zylisp zast VERB FILE</c>: reads FILE (or standard input for <c>-</c>), hands it to
/// <see cref="ZastTool"/>, writes its output to stdout and its diagnostics to stderr. Every decision
/// about the text — parsing, building, validating, layout, diagnostics and their rendering — is
/// the library's; the CLI only passes it the text it read and <c>--terse</c>.
/// </summary>
internal static class ZastCommand
{
    public static int Execute(ZastVerb verb, string path, bool compact, OutputOptions options)
    {
        using var streams = StandardStreams.Open();
        var bytes = CommandInput.TryReadBytes(path, out var problem);
        if (bytes is null)
        {
            streams.Error.WriteLine($"zylisp zast {Name(verb)}: cannot read '{path}': {problem}");
            return ExitCodes.Usage;
        }

        var name = CommandInput.DisplayName(path);
        var format = compact ? ZastFormat.Compact : ZastFormat.Pretty;
        var result = verb switch
        {
            ZastVerb.FromGo => ZastTool.FromGo(bytes, name, format),
            ZastVerb.ToGo => ZastTool.ToGo(Utf8Source.Decode(bytes), name),
            ZastVerb.Validate => ZastTool.Validate(Utf8Source.Decode(bytes), name),
            ZastVerb.Format => ZastTool.Format(Utf8Source.Decode(bytes), name, format),
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
        };

        streams.Out.Write(result.Output);
        if (result.Diagnostics.Count > 0)
        {
            // Flushed first so a warning follows the output it is about, as the other commands do.
            streams.Out.Flush();
            // Go reports columns in UTF-8 bytes and keeps a byte-order mark in its offsets, so the
            // Go text is decoded as is; zast text is read as the tool read it.
            var formatter = verb == ZastVerb.FromGo
                ? new ZastDiagnosticFormatter(name, Encoding.UTF8.GetString(bytes), ZastColumnUnit.Utf8Bytes)
                : new ZastDiagnosticFormatter(name, Utf8Source.Decode(bytes));
            streams.Error.Write(formatter.FormatAll(result.Diagnostics, excerpt: !options.Terse));
        }

        return streams.Finish(result.Success ? ExitCodes.Success : ExitCodes.ProgramFailed);
    }

    public static string Name(ZastVerb verb) => verb switch
    {
        ZastVerb.FromGo => "from-go",
        ZastVerb.ToGo => "to-go",
        ZastVerb.Validate => "validate",
        ZastVerb.Format => "fmt",
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
    };
}
