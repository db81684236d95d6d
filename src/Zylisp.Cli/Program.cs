using Zylisp.Cli;
using Zylisp.Cli.Commands;
using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;

// The entry point: scripts, eval and the bare REPL take the fast path (no command-line parser to
// build), everything else goes through the full command tree; nothing escapes as an unhandled .NET exception.
try
{
    // A worker starts once per restart of a REPL session's process: skip the command-line parser.
    if (args is ["worker", "--socket", var socketPath])
    {
        return WorkerCommand.Execute(socketPath);
    }

    // Started by ./zylisp: its up-to-date check comes before any user code or input (a stale build
    // re-executes the launcher, which rebuilds).
    LauncherCheck.FromEnvironment()?.EnsureCurrent(args, static () => Console.Error);

    if (FastPath.TryParse(args, static () => Console.IsInputRedirected) is { } script)
    {
        return RunCommand.Execute(script);
    }

    if (FastPath.IsVersion(args))
    {
        return VersionCommand.Execute(Console.Out);
    }

    if (FastPath.TryParseEval(args) is { } expressions)
    {
        return EvalCommand.Execute(expressions, OutputOptions.Default);
    }

    if (NreplCommand.TryExecuteFast(args) is { } nreplStatus)
    {
        return nreplStatus;
    }

    if (FastPath.TryParseCompile(args) is var (file, output))
    {
        return BuildCommand.Execute(new BuildRequest("go", file, null, output, null, OutputOptions.Default));
    }

    if (NativeFastPath.TryParseBuild(args) is { } nativeBuild)
    {
        return BuildCommand.Execute(nativeBuild);
    }

    if (NativeFastPath.TryParseRun(args) is var (nativeFile, nativeArgs))
    {
        return NativeEngineCommand.Run(nativeFile, nativeArgs, OutputOptions.Default);
    }

    return FastPath.IsBareRepl(args)
        ? ReplCommand.Execute(OutputOptions.Default)
        : CommandTree.Invoke(args, Console.Out, Console.Error);
}
catch (Exception ex)
{
    try
    {
        InternalErrorReport.Write(Console.Error, ex, verbose: args.Contains("--verbose"));
    }
    catch (IOException)
    {
        // Standard error itself is unwritable: the exit status is all that can still be said.
    }

    return ExitCodes.InternalError;
}
