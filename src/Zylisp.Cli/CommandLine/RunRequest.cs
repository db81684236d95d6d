namespace Zylisp.Cli.CommandLine;

/// <summary>
/// A request to run a script: <see cref="Path"/> is a file, or <c>-</c> for standard input;
/// <see cref="Arguments"/> become <c>*command-line-args*</c> and the arguments of <c>-main</c>;
/// <see cref="Engine"/> runs it (tiered unless <c>--engine</c> says otherwise); <see cref="NoCache"/>
/// (<c>--no-cache</c>) keeps it from the on-disk code cache.
/// </summary>
internal sealed record RunRequest(string Path, IReadOnlyList<string> Arguments, OutputOptions Output, EngineChoice Engine = EngineChoice.Tiered, bool NoCache = false)
{
    public const string StandardInput = "-";

    public bool ReadsStandardInput => Path == StandardInput;
}
