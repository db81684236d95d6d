namespace Zylisp.Cli.Repl;

/// <summary>
/// The persistent input history, one entry per line in <c>~/.zylisp_history</c> (<c>$HOME</c> is
/// honoured, so tests can point it at a temporary folder). Each entry is appended as soon as it
/// is entered, so a crash or a kill loses nothing; the file is trimmed to the newest entries on load.
/// </summary>
internal sealed class ReplHistory
{
    public const string FileName = ".zylisp_history";
    public const int MaxEntries = 1000;

    private readonly List<string> _entries;

    private ReplHistory(string? path, List<string> entries)
    {
        Path = path;
        _entries = entries;
    }

    /// <summary>The history file, or null when no home folder is known (history is then kept in memory).</summary>
    public string? Path { get; }

    public IReadOnlyList<string> Entries => _entries;

    public static ReplHistory Open(Func<string, string?> environment)
    {
        var home = environment("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return string.IsNullOrEmpty(home) ? new ReplHistory(null, []) : Load(System.IO.Path.Combine(home, FileName));
    }

    public static ReplHistory Load(string path)
    {
        var entries = new List<string>();
        try
        {
            if (File.Exists(path))
            {
                entries.AddRange(File.ReadLines(path).Where(line => line.Length > 0));
                if (entries.Count > MaxEntries)
                {
                    entries.RemoveRange(0, entries.Count - MaxEntries);
                    File.WriteAllLines(path, entries);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable history must not stop the REPL; it just starts empty.
        }

        return new ReplHistory(path, entries);
    }

    /// <summary>Records a line; blank lines and an immediate repeat are not worth keeping.</summary>
    public bool Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Contains('\n') || (_entries.Count > 0 && _entries[^1] == line))
        {
            return false;
        }

        _entries.Add(line);
        if (Path is not null)
        {
            try
            {
                File.AppendAllText(Path, line + "\n");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Same as loading: history is a convenience, never a reason to fail.
            }
        }

        return true;
    }
}
