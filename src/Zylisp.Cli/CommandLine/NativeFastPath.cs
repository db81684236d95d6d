using Zylisp.Cli.Commands;

namespace Zylisp.Cli.CommandLine;

/// <summary>
/// The native backend's everyday invocations without the System.CommandLine tree, which costs
/// ~10 ms of CPU to build and run (docs/design/native-compile-latency.md), a fifth of the
/// compile-latency budget: <c>zylisp build --target native FILE -o OUT</c> (or <c>-e EXPR</c>
/// instead of FILE; the pairs in any order, long or short names, and --no-cache) and
/// <c>zylisp run --engine native FILE ARGS…</c>. Anything else (--emit, --terse, a typo, standard
/// input) returns null and takes the full parser, which gives the same result or a usage error.
/// </summary>
internal static class NativeFastPath
{
    /// <summary>The build request of a plain native build, or null.</summary>
    public static BuildRequest? TryParseBuild(IReadOnlyList<string> args)
    {
        if (args.Count is not (6 or 7 or 8) || args[0] != "build")
        {
            return null;
        }

        string? target = null, file = null, expression = null, output = null;
        var noCache = false;
        for (var i = 1; i < args.Count; i++)
        {
            var word = args[i];
            var hasValue = i + 1 < args.Count && IsValue(args[i + 1]);
            if (word == "--no-cache" && !noCache)
            {
                noCache = true;
            }
            else if (word is "--target" or "-t" && hasValue && target is null)
            {
                target = args[++i];
            }
            else if (word is "--output" or "-o" && hasValue && output is null)
            {
                output = args[++i];
            }
            else if (word is "--expr" or "-e" && i + 1 < args.Count && expression is null)
            {
                // An expression may start with a dash (-1); it is the next word whatever it is.
                expression = args[++i];
            }
            else if (IsValue(word) && file is null)
            {
                file = word;
            }
            else
            {
                return null;
            }
        }

        return target == "native" && output is not null && (file is null) != (expression is null)
            ? new BuildRequest("native", file, expression, output, null, OutputOptions.Default, noCache)
            : null;
    }

    /// <summary>The script and its arguments of <c>zylisp run --engine native FILE ARGS…</c>, or null.</summary>
    public static (string File, string[] Args)? TryParseRun(IReadOnlyList<string> args)
    {
        if (args.Count < 4 || args[0] != "run" || args[1] != "--engine" || args[2] != "native" || !IsValue(args[3]))
        {
            return null;
        }

        var rest = new string[args.Count - 4];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = args[4 + i];
        }

        return (args[3], rest);
    }

    /// <summary>A file name or option value: not empty, not an option, not standard input.</summary>
    private static bool IsValue(string word) => word.Length > 0 && word[0] != '-';
}
