using System.CommandLine;
using System.CommandLine.Invocation;
using Zylisp.Cli.Commands;

namespace Zylisp.Cli.CommandLine;

/// <summary>
/// The full command line, parsed by System.CommandLine: every command, its options and its
/// <c>--help</c>. Usage errors exit with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal static class CommandTree
{
    private static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Also print the .NET stack trace of internal errors.",
        Recursive = true,
    };

    private static readonly Option<bool> Terse = new("--terse")
    {
        Description = "Print one line per diagnostic: no source excerpt, no help.",
        Recursive = true,
    };

    private static readonly Option<string?> Engine = CreateEngineOption();

    private static readonly Option<string[]> SourcePath = new("--path")
    {
        Description = "A source root that require searches for namespaces (app.util in DIR/app/util.zl); may be repeated. Searched after the main file's own root and before ZYLISP_PATH.",
        HelpName = "DIR",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<string?> CreateEngineOption()
    {
        var option = new Option<string?>("--engine")
        {
            Description = "The engine that runs the code: interp (the interpreter), il (compiled to IL first), tiered (interpreted, compiled once hot; the default for run and repl) or native (x86-64 machine code in this process: a whole program for run, form by form for eval and repl).",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(EngineChoices.Names);
        return option;
    }

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Zylisp: a Lisp on .NET.\n\n" +
            "With no command, starts the REPL (or runs standard input as a script when it is piped).\n" +
            "`zylisp FILE ARGS…` runs FILE, so a file starting with #!/usr/bin/env zylisp runs directly.\n\n" +
            "Exit status: 0 success, 1 the program failed, 2 usage error; `run` exits with -main's integer result.")
        {
            Verbose,
            Terse,
            Engine,
            SourcePath,
            ReplCommandDefinition(),
            RunCommandDefinition(),
            EvalCommandDefinition(),
            ExpandCommandDefinition(),
            ZastCommandDefinition(),
            BuildCommandDefinition(),
            CompileCommandDefinition(),
            FormatCommandDefinition(),
            LintCommandDefinition(),
            VersionCommandDefinition(),
            NreplCommandDefinition(),
            ConnectCommandDefinition(),
            WorkerCommandDefinition(),
        };
        root.SetAction(result => ReplCommand.Execute(OptionsOf(result), local: false, EngineOf(result, EngineChoice.Tiered)));
        // `zylisp --version` says the same as `zylisp version` (System.CommandLine's default omits the commit).
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersionAction();
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a parse error prints its message and a hint, and exits 2.</summary>
    public static int Invoke(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var result = Build().Parse(args);
        if (result.Action is ParseErrorAction && result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                error.WriteLine($"zylisp: {parseError.Message}");
            }

            var command = string.Join(' ', CommandPath(result));
            error.WriteLine($"Try '{command} --help' for more information.");
            return ExitCodes.Usage;
        }

        Hosting.SourceRoots.Prepend(result.GetValue(SourcePath));
        return result.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Exceptions reach Program's handler, which reports them as internal errors (exit 70).
            EnableDefaultExceptionHandler = false,
        });
    }

    private static Command ReplCommandDefinition()
    {
        var local = new Option<bool>("--local") { Description = "Evaluate in this process instead of a supervised worker process." };
        var command = new Command("repl", "Start the REPL: a client of a private nREPL server with one worker process (plain, without line editing, when stdin is not a terminal, TERM=dumb or NO_COLOR is set).")
        {
            local,
        };
        command.SetAction(result => ReplCommand.Execute(OptionsOf(result), result.GetValue(local), EngineOf(result, EngineChoice.Tiered)));
        return command;
    }

    private static Command RunCommandDefinition()
    {
        var file = new Argument<string>("FILE") { Description = "The script to run, or - for standard input." };
        var arguments = new Argument<string[]>("ARGS")
        {
            Description = "Arguments for -main and *command-line-args* (everything after FILE, options included).",
            Arity = ArgumentArity.ZeroOrMore,
            CaptureRemainingTokens = true,
        };
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the on-disk code cache ($XDG_CACHE_HOME/zylisp or ~/.cache/zylisp)." };
        var command = new Command("run", "Load FILE and call its -main with ARGS; exit with -main's integer result.")
        {
            file,
            arguments,
            noCache,
        };
        command.SetAction(result => IsNative(result)
            ? NativeEngineCommand.Run(result.GetRequiredValue(file), result.GetValue(arguments) ?? [], OptionsOf(result), result.GetValue(noCache))
            : RunCommand.Execute(new RunRequest(
                result.GetRequiredValue(file),
                result.GetValue(arguments) ?? [],
                OptionsOf(result),
                EngineOf(result, EngineChoice.Tiered),
                result.GetValue(noCache))));
        return command;
    }

    private static Command EvalCommandDefinition()
    {
        var expressions = new Argument<string[]>("EXPR")
        {
            Description = "Zylisp source; several arguments are joined by newlines.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("eval", "Evaluate the expressions and print the value of the last one.") { expressions };
        // --engine native evaluates form by form in a native session, like the REPL (NativeEngine).
        command.SetAction(result => EvalCommand.Execute(result.GetRequiredValue(expressions), OptionsOf(result), EngineOf(result, EngineChoice.Interp)));
        return command;
    }

    private static Command ExpandCommandDefinition()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The file to expand, or - for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var expression = new Option<string?>("--expr", "-e") { Description = "Expand this source text instead of a file." };
        var stage = new Option<string>("--stage")
        {
            Description = "Which stage to print: expand (the core forms, the default), analyze (the analyzed IR) or lowered (the lowered IR the Go and native backends consume).",
            DefaultValueFactory = _ => "expand",
        };
        stage.AcceptOnlyFromAmong("read", "expand", "analyze", "lowered");
        var command = new Command("expand", "Print a program after macro expansion (the core forms every backend sees), or after a later stage with --stage.")
        {
            file,
            expression,
            stage,
        };
        command.SetAction(result => ExpandCommand.Execute(result.GetValue(file), result.GetValue(expression), result.GetValue(stage)!, OptionsOf(result)));
        return command;
    }

    private static Command ZastCommandDefinition()
    {
        var command = new Command(
            "zast",
            "Convert between Go source and zast, the canonical S-expression form of Go's AST (docs/zast-format.md).\n\n" +
            "FILE may be - for standard input. Output goes to stdout, diagnostics to stderr as\n" +
            "`file:line:col: error: tree.path: message [ZASTnnnn]`, then the source line and a caret (not with --terse).\n" +
            "Exit status: 0 success, 1 invalid input (syntax or validation error), 2 usage error (bad option, unreadable file).")
        {
            ZastSubcommand(ZastVerb.FromGo, "FILE.go", "Parse Go source and print its canonical S-expressions (pretty unless --compact).", compactOption: true),
            ZastSubcommand(ZastVerb.ToGo, "FILE.zast", "Build a one-file Program from canonical S-expressions and print it as gofmt-formatted Go.", compactOption: false),
            ZastSubcommand(ZastVerb.Validate, "FILE.zast", "Check a Program or a single node: print nothing and exit 0 when it is valid, else print every diagnostic and exit 1.", compactOption: false),
            ZastSubcommand(ZastVerb.Format, "FILE.zast", "Rewrite a Program or a single node in canonical layout (pretty unless --compact).", compactOption: true),
        };
        return command;
    }

    private static Command ZastSubcommand(ZastVerb verb, string fileName, string description, bool compactOption)
    {
        var file = new Argument<string>(fileName) { Description = "The input file, or - for standard input." };
        var compact = new Option<bool>("--compact") { Description = "Print the whole tree on one line instead of the indented layout." };
        var command = new Command(ZastCommand.Name(verb), description) { file };
        if (compactOption)
        {
            command.Options.Add(compact);
        }

        command.SetAction(result => ZastCommand.Execute(verb, result.GetRequiredValue(file), compactOption && result.GetValue(compact), OptionsOf(result)));
        return command;
    }

    private static Command NreplCommandDefinition()
    {
        var port = new Option<int>("--port", "-p") { Description = "TCP port; 0 (the default) lets the OS choose." };
        var bind = new Option<string?>("--bind") { Description = "Address to listen on (default 127.0.0.1). nREPL has no authentication: anything else prints a warning." };
        var workers = new Option<int>("--workers") { Description = "Worker processes that run evaluations (default 1).", DefaultValueFactory = _ => 1 };
        var engine = new Option<string>("--engine") { Description = "Engine of new sessions: interp, il, tiered (the default) or native (x86-64 code in the workers, Linux x86-64); a client may pick another at clone.", DefaultValueFactory = _ => Zylisp.Repl.Workers.EngineKinds.Default };
        var command = new Command("nrepl", "Start an nREPL server (writes .nrepl-port, removed on exit); evaluation runs in supervised worker processes.")
        {
            port,
            bind,
            workers,
            engine,
        };
        command.SetAction(result => NreplCommand.Execute(result.GetValue(port), result.GetValue(bind), result.GetValue(workers), result.GetValue(engine) ?? Zylisp.Repl.Workers.EngineKinds.Default, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static Command ConnectCommandDefinition()
    {
        var target = new Argument<string?>("[HOST:]PORT") { Description = "The server; without it, the port in ./.nrepl-port on 127.0.0.1.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("connect", "Connect the terminal REPL to an nREPL server (Zylisp's or any other).") { target };
        command.SetAction(result => ConnectCommand.Execute(result.GetValue(target), OptionsOf(result), result.InvocationConfiguration.Error));
        return command;
    }

    private static Command WorkerCommandDefinition()
    {
        var socket = new Option<string>("--socket") { Description = "The Unix socket to serve.", Required = true };
        var command = new Command("worker", "An nREPL evaluation worker (started by `zylisp nrepl`, not by hand).") { socket };
        command.Hidden = true;
        command.SetAction(result => WorkerCommand.Execute(result.GetRequiredValue(socket)));
        return command;
    }

    private static Command FormatCommandDefinition()
    {
        var files = new Argument<string[]>("FILE") { Description = "Files to format in place, or - to format standard input to standard output.", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Change nothing: list the files that would change and exit 1 if any would." };
        var command = new Command("format", "Format Zylisp source the way cljfmt formats Clojure (docs/design/formatting.md). A file with read errors is left untouched.")
        {
            files,
            check,
        };
        command.SetAction(result => FormatCommand.Execute(result.GetRequiredValue(files), result.GetValue(check), OptionsOf(result)));
        return command;
    }

    private static Command LintCommandDefinition()
    {
        var files = new Argument<string[]>("FILE") { Description = "Files to check, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per finding and line (file, line, column, id, severity, message, help), for editors." };
        var command = new Command("lint", "Report likely mistakes and style problems as located warnings (docs/design/lint.md); exit 1 when something is found.")
        {
            files,
            json,
        };
        command.SetAction(result => LintCommand.Execute(result.GetRequiredValue(files), result.GetValue(json), OptionsOf(result)));
        return command;
    }

    private static Command BuildCommandDefinition()
    {
        var target = new Option<string>("--target", "-t") { Description = "What to build for: go (a Go module built with go build), native (a static Linux x86-64 executable) or dotnet (a .NET program: OUT, OUT.dll and the runtime assemblies beside them).", Required = true };
        target.AcceptOnlyFromAmong(BuildCommand.Targets);
        var (file, output, emit) = BuildArguments();
        var expression = new Option<string?>("--expr", "-e") { Description = "Build this expression instead of a file (native): the executable exits with its value." };
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the on-disk cache ($XDG_CACHE_HOME/zylisp or ~/.cache/zylisp; native: the library's analyzed forms)." };
        var command = new Command("build", "Compile a program ahead of time to an executable OUT whose stdout and exit code equal `zylisp run FILE`'s.")
        {
            target,
            file,
            expression,
            output,
            emit,
            noCache,
        };
        command.SetAction(result => BuildCommand.Execute(new BuildRequest(result.GetRequiredValue(target), result.GetValue(file), result.GetValue(expression), result.GetValue(output), result.GetValue(emit), OptionsOf(result), result.GetValue(noCache))));
        return command;
    }

    private static Command CompileCommandDefinition()
    {
        var (file, output, emit) = BuildArguments();
        file.Arity = ArgumentArity.ExactlyOne;
        var command = new Command("compile", "Compile FILE to Go and build it: the same as `zylisp build --target go FILE -o OUT`.")
        {
            file,
            output,
            emit,
        };
        command.SetAction(result => BuildCommand.Execute(new BuildRequest("go", result.GetValue(file), null, result.GetValue(output), result.GetValue(emit), OptionsOf(result))));
        return command;
    }

    private static (Argument<string?> File, Option<string?> Output, Option<string?> Emit) BuildArguments()
    {
        var file = new Argument<string?>("FILE") { Description = "The program to compile, or - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output", "-o") { Description = "The executable to write (default: FILE's name without extension); with --emit go a directory, with --emit zast a file." };
        var emit = new Option<string?>("--emit") { Description = "Write an intermediate: go (the Go module) or zast (the canonical S-expressions of the generated Go) instead of building; asm (native) prints the disassembled code." };
        emit.AcceptOnlyFromAmong(BuildCommand.Intermediates);
        return (file, output, emit);
    }

    private static Command VersionCommandDefinition()
    {
        var command = new Command("version", "Print the version, the commit it was built from and the .NET runtime.");
        command.SetAction(result => VersionCommand.Execute(result.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>--engine native on run: the x86-64 backend's whole-program run, in <see cref="NativeEngineCommand"/>.</summary>
    private static bool IsNative(ParseResult result) => result.GetValue(Engine) == "native";

    private static EngineChoice EngineOf(ParseResult result, EngineChoice fallback) =>
        EngineChoices.Parse(result.GetValue(Engine), fallback);

    private static OutputOptions OptionsOf(ParseResult result) =>
        new(result.GetValue(Verbose), result.GetValue(Terse));

    private static IEnumerable<string> CommandPath(ParseResult result)
    {
        var names = new Stack<string>();
        for (var command = result.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(command.Command is RootCommand ? "zylisp" : command.Command.Name);
        }

        return names;
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult) => VersionCommand.Execute(parseResult.InvocationConfiguration.Output);
    }
}
