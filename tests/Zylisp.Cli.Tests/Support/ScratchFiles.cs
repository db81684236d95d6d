namespace Zylisp.Cli.Tests.Support;

/// <summary>Writes small Zylisp programs into a temporary folder for one test.</summary>
public sealed class ScratchFiles
{
    public string Folder { get; } = TempHome.Create();

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
