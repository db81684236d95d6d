namespace Zylisp.Cli.Hosting;

/// <summary>
/// <c>--path DIR</c>: the CLI puts each DIR in front of ZYLISP_PATH for the whole process, so every
/// engine it makes (run, eval, the builds' front end) and every worker process it starts (the
/// REPL's) searches the same roots; see docs/design/namespaces.md.
/// </summary>
internal static class SourceRoots
{
    public const string Variable = "ZYLISP_PATH";

    public static void Prepend(string[]? directories)
    {
        if (directories is not { Length: > 0 })
        {
            return;
        }

        var existing = Environment.GetEnvironmentVariable(Variable);
        var full = directories.Select(Path.GetFullPath);
        var joined = string.Join(Path.PathSeparator, string.IsNullOrEmpty(existing) ? full : full.Append(existing));
        Environment.SetEnvironmentVariable(Variable, joined);
    }
}
