namespace Zylisp.Rely.Tests.Support;

/// <summary>Linux /proc readings the OS-process tests use to prove nothing leaked.</summary>
public static class ProcFs
{
    public static bool Available => OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd");

    public static int OpenDescriptorCount() => Directory.GetFiles("/proc/self/fd").Length;

    /// <summary>Zombie processes whose parent is this test process.</summary>
    public static IReadOnlyList<int> ZombieChildren()
    {
        var self = Environment.ProcessId;
        var zombies = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            var stat = ReadStat(pid);
            if (stat is { State: 'Z' } s && s.ParentId == self)
            {
                zombies.Add(pid);
            }
        }
        return zombies;
    }

    /// <summary>The state letter and parent of a process, or null when it no longer exists.</summary>
    public static (char State, int ParentId)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // The command name is parenthesised and may hold spaces; fields after the last ')' are fixed.
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (rest[0][0], int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => ReadStat(pid) is { State: not 'Z' and not 'X' };
}
