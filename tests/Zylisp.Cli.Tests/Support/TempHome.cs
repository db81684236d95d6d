namespace Zylisp.Cli.Tests.Support;

/// <summary>Temporary folders standing in for $HOME, removed when the test process exits.</summary>
public static class TempHome
{
    private static readonly Lazy<string> SharedHome = new(Create);

    /// <summary>A home shared by tests that never look at history.</summary>
    public static string Shared => SharedHome.Value;

    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "zylisp-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return path;
    }
}
