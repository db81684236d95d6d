namespace Zylisp.Cli.CommandLine;

/// <summary>
/// Recognises the everyday invocations that need no option parsing — running a script
/// (<c>zylisp run FILE ARGS…</c>, <c>zylisp FILE ARGS…</c> as a <c>#!/usr/bin/env zylisp</c> file runs,
/// <c>zylisp - ARGS…</c>, piped standard input), <c>zylisp eval EXPR…</c>, and the REPL with no
/// arguments — so they start without building the System.CommandLine tree, which costs about
/// 20 ms (docs/design/cli-startup.md). Anything with an option goes to the full parser, which
/// gives the same result or a usage error.
/// </summary>
internal static class FastPath
{
    /// <summary>
    /// First words that name a command rather than a script; a script with such a name needs <c>./</c>.
    /// A switch, not a set: a HashSet would load System.Collections on every start.
    /// </summary>
    public static bool IsCommandName(string word) =>
        word is "repl" or "run" or "eval" or "expand" or "zast" or "build" or "compile" or "format" or "lint" or "version" or "help" or "nrepl" or "connect" or "worker";

    /// <param name="args">The command line.</param>
    /// <param name="standardInputIsRedirected">Asked only when there are no arguments: it loads System.Console.</param>
    public static RunRequest? TryParse(IReadOnlyList<string> args, Func<bool> standardInputIsRedirected)
    {
        if (args.Count == 0)
        {
            return standardInputIsRedirected()
                ? new RunRequest(RunRequest.StandardInput, [], OutputOptions.Default)
                : null;
        }

        var first = args[0];
        if (first == "run")
        {
            return TryParseRunOptions(args);
        }

        return IsScriptPath(first) && !IsCommandName(first)
            ? new RunRequest(first, Rest(args, 1), OutputOptions.Default)
            : null;
    }

    /// <summary>
    /// <c>zylisp run [--engine interp|il|tiered] [--no-cache] FILE ARGS…</c>, each option at most once
    /// and before FILE, as the benchmarks and scripts that pick an engine write it: the command-line
    /// tree would add ~13 ms to each such start. Anything else (another option, <c>--engine=il</c>,
    /// native, which <see cref="NativeFastPath"/> takes) goes to the full parser.
    /// </summary>
    private static RunRequest? TryParseRunOptions(IReadOnlyList<string> args)
    {
        var engine = EngineChoice.Tiered;
        bool engineGiven = false, noCache = false;
        var i = 1;
        for (; i < args.Count && args[i].StartsWith('-') && args[i] != RunRequest.StandardInput; i++)
        {
            if (args[i] == "--no-cache" && !noCache)
            {
                noCache = true;
            }
            else if (args[i] == "--engine" && !engineGiven && i + 1 < args.Count && args[i + 1] is "interp" or "il" or "tiered")
            {
                engine = EngineChoices.Parse(args[++i], EngineChoice.Tiered);
                engineGiven = true;
            }
            else
            {
                return null;
            }
        }

        return i < args.Count && IsScriptPath(args[i])
            ? new RunRequest(args[i], Rest(args, i + 1), OutputOptions.Default, engine, noCache)
            : null;
    }

    /// <summary><c>zylisp version</c> with nothing after it.</summary>
    public static bool IsVersion(IReadOnlyList<string> args) => args.Count == 1 && args[0] == "version";

    /// <summary>The expressions of <c>zylisp eval EXPR…</c> when no word after <c>eval</c> is an option; else null.</summary>
    public static string[]? TryParseEval(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] != "eval")
        {
            return null;
        }

        for (int i = 1; i < args.Count; i++)
        {
            if (args[i].StartsWith('-'))
            {
                return null;
            }
        }

        return Rest(args, 1);
    }

    /// <summary>
    /// <c>zylisp compile FILE</c> and <c>zylisp compile FILE -o OUT</c> (either order, <c>--output</c>
    /// too): the Go build the compile-overhead benchmark times, whose budget the command-line tree
    /// would spend a tenth of. Anything else (--emit, --terse, a typo) takes the full parser.
    /// </summary>
    public static (string File, string? Output)? TryParseCompile(IReadOnlyList<string> args)
    {
        if (args.Count is not (2 or 4) || args[0] != "compile")
        {
            return null;
        }

        string? file = null, output = null;
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i] is "-o" or "--output" && i + 1 < args.Count && output is null && IsFileName(args[i + 1]))
            {
                output = args[++i];
            }
            else if (file is null && IsFileName(args[i]))
            {
                file = args[i];
            }
            else
            {
                return null;
            }
        }

        return file is null || (args.Count == 4 && output is null) ? null : (file, output);
    }

    private static bool IsFileName(string word) => word.Length > 0 && word[0] != '-';

    /// <summary>
    /// <c>zylisp repl</c>, or <c>zylisp</c> alone on a terminal (<see cref="TryParse"/> has already taken
    /// the piped case).
    /// </summary>
    public static bool IsBareRepl(IReadOnlyList<string> args) =>
        args.Count == 0 || (args.Count == 1 && args[0] == "repl");

    /// <summary>A file path or <c>-</c>; anything else starting with a dash is an option.</summary>
    private static bool IsScriptPath(string word) =>
        word == RunRequest.StandardInput || (word.Length > 0 && word[0] != '-');

    private static string[] Rest(IReadOnlyList<string> args, int start)
    {
        // A loop rather than LINQ, which would load System.Linq on every start.
        var rest = new string[args.Count - start];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = args[start + i];
        }

        return rest;
    }
}
