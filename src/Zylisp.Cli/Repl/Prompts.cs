namespace Zylisp.Cli.Repl;

/// <summary>
/// The REPL's prompts: the current namespace, as Clojure's <c>user=&gt;</c>; the continuation
/// prompt has the same width so input lines up.
/// </summary>
internal static class Prompts
{
    public const string Primary = "user=> ";
    public const string Continuation = "  #_=> ";

    public static string For(bool continuing) => continuing ? Continuation : Primary;

    public static string For(bool continuing, string ns) => continuing ? ContinuationFor(ns) : PrimaryFor(ns);

    public static string PrimaryFor(string ns) => ns + "=> ";

    public static string ContinuationFor(string ns) => new string(' ', Math.Max(0, ns.Length - 2)) + "#_=> ";
}
