namespace Zylisp.Cli.Repl;

/// <summary>The REPL's prompts; the continuation prompt has the same width so input lines up.</summary>
internal static class Prompts
{
    public const string Primary = "user=> ";
    public const string Continuation = "  #_=> ";

    public static string For(bool continuing) => continuing ? Continuation : Primary;
}
