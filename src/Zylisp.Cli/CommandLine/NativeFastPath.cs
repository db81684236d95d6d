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
    public static BuildRequest? TryParseBuild(IReadOnlyList<string> args) =>
        NativeBuildArguments.TryParse(args) is { } build
            ? new BuildRequest("native", build.File, build.Expression, build.Output, null, OutputOptions.Default, build.NoCache)
            : null;

    /// <summary>The script and its arguments of <c>zylisp run --engine native FILE ARGS…</c>, or null.</summary>
    public static (string File, string[] Args)? TryParseRun(IReadOnlyList<string> args)
    {
        if (args.Count < 4 || args[0] != "run" || args[1] != "--engine" || args[2] != "native" || !NativeBuildArguments.IsValue(args[3]))
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
}
