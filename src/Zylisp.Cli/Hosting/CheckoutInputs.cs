namespace Zylisp.Cli.Hosting;

/// <summary>What the launcher's up-to-date check found (<see cref="CheckoutInputs.Compare"/>).</summary>
internal enum CheckoutState
{
    /// <summary>No recorded input is newer than the build.</summary>
    Fresh,

    /// <summary>Fresh, but a folder is newer than the stamp only because bin/ or obj/ appeared in it: move the stamp forward.</summary>
    FreshAfterBuildOutput,

    /// <summary>A source was edited, added, removed or renamed, or nothing was recorded: publish again.</summary>
    Stale,
}

/// <summary>
/// Compares a checkout with the inputs its last publish recorded in <c>.build/zylisp.manifest</c>
/// (written by the <c>./zylisp</c> script): every source file, a line <c>--</c>, then each folder
/// followed by its entries (bin/ and obj/ left out), each entry followed by '/'. A file newer than
/// the stamp is an edit; a folder newer than the stamp is listed again, and only a different set of
/// entries (a file added, removed or renamed) is a change — a folder is also newer when
/// <c>dotnet build</c> or <c>dotnet test</c> created its bin/ or obj/, which must not rebuild.
/// </summary>
internal static class CheckoutInputs
{
    public const string Manifest = ".build/zylisp.manifest";

    public const string Stamp = ".build/zylisp.stamp";

    public static CheckoutState Compare(string root) => Compare(root, Manifest, Stamp);

    /// <summary>Compares the checkout with the inputs a publish recorded in <paramref name="manifest"/>, newer than <paramref name="stamp"/> (both under <paramref name="root"/>).</summary>
    public static CheckoutState Compare(string root, string manifest, string stamp)
    {
        var times = new FileTimes();
        var prefix = root.EndsWith('/') ? root : root + "/";
        if (ReadManifest(prefix + manifest) is not { } lines || times.Modified(prefix + stamp) is not { } built)
        {
            return CheckoutState.Stale;
        }

        var i = 0;
        for (; i < lines.Length && lines[i] != "--"; i++)
        {
            // A deleted file has no time, never newer: its folder's listing reports it.
            if (times.Modified(prefix + lines[i]) > built)
            {
                return CheckoutState.Stale;
            }
        }

        if (i == lines.Length)
        {
            return CheckoutState.Stale; // cut short: no folder section
        }

        var buildOutputOnly = false;
        for (i++; i + 1 < lines.Length; i += 2)
        {
            var folder = prefix + lines[i];
            if (!(times.Modified(folder) > built))
            {
                continue;
            }

            if (!SameEntries(folder, lines[i + 1]))
            {
                return CheckoutState.Stale;
            }

            buildOutputOnly = true;
        }

        return buildOutputOnly ? CheckoutState.FreshAfterBuildOutput : CheckoutState.Fresh;
    }

    /// <summary>The manifest's lines, or null when it cannot be read. open/read where it can: no FileStream or decoder to warm up.</summary>
    private static string[]? ReadManifest(string path)
    {
        try
        {
            var bytes = UnixInput.TryReadFile(path, 16 * 1024 * 1024) ?? File.ReadAllBytes(path);
            var text = Zylisp.Lang.Syntax.Utf8Source.Decode(bytes);
            return text.Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when <paramref name="folder"/> holds exactly the recorded entries, bin/ and obj/ aside.
    /// Compared as sets: the script's glob sorts by the shell's collation, which need not be ours.
    /// </summary>
    private static bool SameEntries(string folder, string recorded)
    {
        var expected = new HashSet<string>(recorded.Split('/', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return false;
        }

        var count = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var name = Path.GetFileName(entry);
            if (name is "bin" or "obj")
            {
                continue;
            }

            if (!expected.Contains(name))
            {
                return false;
            }

            count++;
        }

        return count == expected.Count;
    }
}
