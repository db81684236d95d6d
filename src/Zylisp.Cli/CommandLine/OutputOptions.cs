namespace Zylisp.Cli.CommandLine;

/// <summary>
/// How much an error report says: <c>--verbose</c> adds the .NET stack of internal errors,
/// <c>--terse</c> prints one line per diagnostic (no excerpt, no help).
/// </summary>
internal sealed record OutputOptions(bool Verbose, bool Terse)
{
    public static OutputOptions Default { get; } = new(Verbose: false, Terse: false);
}
