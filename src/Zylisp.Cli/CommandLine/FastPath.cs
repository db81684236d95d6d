namespace Zylisp.Cli.CommandLine;

/// <summary>
/// Recognises the invocations that only run a script — <c>zylisp run FILE ARGS…</c>, <c>zylisp FILE ARGS…</c>
/// (how a <c>#!/usr/bin/env zylisp</c> file runs), <c>zylisp - ARGS…</c> and piped standard input — so
/// they start without building the System.CommandLine tree (docs/design/cli-startup.md). Anything
/// with an option before the file goes to the full parser, which gives the same result or a usage error.
/// </summary>
internal static class FastPath
{
    /// <summary>
    /// First words that name a command rather than a script; a script with such a name needs <c>./</c>.
    /// A switch, not a set: a HashSet would load System.Collections on every start.
    /// </summary>
    public static bool IsCommandName(string word) =>
        word is "repl" or "run" or "eval" or "expand" or "zast" or "version" or "help";

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
            return args.Count >= 2 && IsScriptPath(args[1])
                ? new RunRequest(args[1], Rest(args, 2), OutputOptions.Default)
                : null;
        }

        return IsScriptPath(first) && !IsCommandName(first)
            ? new RunRequest(first, Rest(args, 1), OutputOptions.Default)
            : null;
    }

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
