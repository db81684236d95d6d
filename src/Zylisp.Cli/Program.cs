using Zylisp.Cli;
using Zylisp.Cli.Commands;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;

// The entry point: scripts take the fast path (no command-line parser to build), everything else
// goes through the full command tree; nothing escapes as an unhandled .NET exception.
try
{
    var fast = FastPath.TryParse(args, static () => Console.IsInputRedirected);
    return fast is not null
        ? RunCommand.Execute(fast)
        : CommandTree.Invoke(args, Console.Out, Console.Error);
}
catch (Exception ex)
{
    InternalErrorReport.Write(Console.Error, ex, verbose: args.Contains("--verbose"));
    return ExitCodes.InternalError;
}
