namespace Zylisp.Cli.CommandLine;

/// <summary>
/// The words of a plain native build, <c>build --target native FILE -o OUT</c> or
/// <c>build --target native -e EXPR -o OUT</c> (the pairs in any order, long or short names, and
/// --no-cache), read by one pure function that both the zylisp command's fast path
/// (<see cref="NativeFastPath"/>) and the NativeAOT build host (src/Zylisp.Cli.NativeBuild, which
/// compiles this file in) use, so the two can never disagree about which command lines they take.
/// </summary>
internal sealed record NativeBuildArguments(string? File, string? Expression, string Output, bool NoCache)
{
    /// <summary>The plain native build <paramref name="args"/> spell, or null for any other command line.</summary>
    public static NativeBuildArguments? TryParse(IReadOnlyList<string> args)
    {
        // Six words with FILE, seven with -e EXPR, one more with --no-cache.
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
            ? new NativeBuildArguments(file, expression, output, noCache)
            : null;
    }

    /// <summary>A file name or option value: not empty, not an option, not standard input.</summary>
    public static bool IsValue(string word) => word.Length > 0 && word[0] != '-';
}
