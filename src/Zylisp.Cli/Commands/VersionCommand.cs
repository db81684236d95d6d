namespace Zylisp.Cli.Commands;

/// <summary><c>zylisp version</c>: version, commit and .NET runtime, for bug reports.</summary>
internal static class VersionCommand
{
    public static int Execute(TextWriter output)
    {
        output.WriteLine(VersionInfo.Current.Describe());
        return ExitCodes.Success;
    }
}
