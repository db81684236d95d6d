using System.Text;

namespace Zylisp.Cli.Repl;

/// <summary>
/// The persistent input history in <c>~/.zylisp_history</c> (<c>$HOME</c> is honoured, so tests can
/// point it at a temporary folder). An entry is a whole submitted form, which may span several
/// lines; the file holds one entry per line, with a newline inside an entry written as <c>\n</c>
/// and a backslash as <c>\\</c> (see <see cref="Encode"/>). Each entry is appended as soon as it
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
                entries.AddRange(File.ReadLines(path).Where(line => line.Length > 0).Select(Decode));
                if (entries.Count > MaxEntries)
                {
                    entries.RemoveRange(0, entries.Count - MaxEntries);
                    File.WriteAllLines(path, entries.Select(Encode));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable history must not stop the REPL; it just starts empty.
        }

        return new ReplHistory(path, entries);
    }

    /// <summary>
    /// Records a submitted entry (one line or a whole multi-line form, without its final newline);
    /// blank entries and an immediate repeat are not worth keeping.
    /// </summary>
    public bool Add(string entry)
    {
        entry = entry.ReplaceLineEndings("\n").TrimEnd();
        if (string.IsNullOrWhiteSpace(entry) || (_entries.Count > 0 && _entries[^1] == entry))
        {
            return false;
        }

        _entries.Add(entry);
        if (Path is not null)
        {
            try
            {
                File.AppendAllText(Path, Encode(entry) + "\n");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Same as loading: history is a convenience, never a reason to fail.
            }
        }

        return true;
    }

    /// <summary>
    /// Writes an entry as one line of the file: <c>\</c> becomes <c>\\</c> and a newline <c>\n</c>,
    /// so every line is exactly one entry whatever the form contains (fish's history does the same).
    /// </summary>
    public static string Encode(string entry)
    {
        if (entry.AsSpan().IndexOfAny('\\', '\n') < 0)
        {
            return entry;
        }

        var line = new StringBuilder(entry.Length + 8);
        foreach (var c in entry)
        {
            _ = c switch
            {
                '\\' => line.Append(@"\\"),
                '\n' => line.Append(@"\n"),
                _ => line.Append(c),
            };
        }

        return line.ToString();
    }

    /// <summary>
    /// Reads one line of the file back into an entry. A backslash before anything other than
    /// <c>\</c> or <c>n</c> (only a hand-edited file has one) is kept as written.
    /// </summary>
    public static string Decode(string line)
    {
        if (!line.Contains('\\'))
        {
            return line;
        }

        var entry = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            if (line[i] == '\\' && next is '\\' or 'n')
            {
                entry.Append(next == 'n' ? '\n' : '\\');
                i++;
            }
            else
            {
                entry.Append(line[i]);
            }
        }

        return entry.ToString();
    }
}
