namespace Zylisp.Cli.CommandLine;

/// <summary>
/// A request to run a script: <see cref="Path"/> is a file, or <c>-</c> for standard input;
/// <see cref="Arguments"/> become <c>*command-line-args*</c> and the arguments of <c>-main</c>;
/// <see cref="Engine"/> runs it (tiered unless <c>--engine</c> says otherwise).
/// </summary>
internal sealed record RunRequest(string Path, IReadOnlyList<string> Arguments, OutputOptions Output, EngineChoice Engine = EngineChoice.Tiered)
{
    public const string StandardInput = "-";

    public bool ReadsStandardInput => Path == StandardInput;
}
