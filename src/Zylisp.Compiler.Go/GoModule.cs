using System.Reflection;

namespace Zylisp.Compiler.Go;

/// <summary>One file of a generated Go module, by its path relative to the module root.</summary>
public sealed record GoModuleFile(string Path, string Text);

/// <summary>The Go module a program compiles to: go.mod, main.go and the runtime package rt.</summary>
public static class GoModule
{
    public const string ModulePath = "zylisp.dev/program";

    public const string RuntimeImportPath = ModulePath + "/rt";

    public static string GoMod => "module " + ModulePath + "\n\ngo 1.19\n";

    /// <summary>
    /// The runtime package's source files, embedded in this assembly, in resource order (the
    /// order the build hashed them in, <see cref="GoRuntimeCache.Hash"/>).
    /// </summary>
    public static IReadOnlyList<GoModuleFile> RuntimeFiles()
    {
        var assembly = typeof(GoModule).Assembly;
        var files = new List<GoModuleFile>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("rt/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new GoModuleFile(name, reader.ReadToEnd()));
        }

        return files;
    }

    /// <summary>Writes the files under <paramref name="directory"/>, creating folders as needed.</summary>
    public static void WriteTo(string directory, IEnumerable<GoModuleFile> files)
    {
        foreach (var file in files)
        {
            var path = System.IO.Path.Combine(directory, file.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, file.Text);
        }
    }

    /// <summary>
    /// Removes a module written by <see cref="WriteTo"/>: its files, then its folders, deepest
    /// first. Deleting what was written, rather than walking the folder, keeps the file-system
    /// enumerator (generic code compiled at run time) out of every build; anything else found
    /// there (a file go build added) falls back to the recursive delete.
    /// </summary>
    public static void Delete(string directory, IEnumerable<GoModuleFile> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { directory };
        foreach (var file in files)
        {
            var path = System.IO.Path.Combine(directory, file.Path);
            System.IO.File.Delete(path);
            for (var folder = System.IO.Path.GetDirectoryName(path); folder is not null && folder.Length > directory.Length; folder = System.IO.Path.GetDirectoryName(folder))
            {
                folders.Add(folder);
            }
        }

        try
        {
            var deepestFirst = folders.ToList();
            deepestFirst.Sort((a, b) => b.Length.CompareTo(a.Length));
            foreach (var folder in deepestFirst)
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
