using System.Reflection;
using System.Text;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Persist;

/// <summary>
/// Lays out a standalone .NET program (<c>zylisp build --target dotnet FILE -o OUT</c>):
/// OUT.dll (the persisted code, <see cref="ProgramWriter"/>), its portable PDB OUT.pdb, OUT.runtimeconfig.json, the Zylisp
/// runtime assemblies its host needs (they carry the compiler, so eval works), and OUT itself,
/// a small launcher script that runs OUT.dll with <c>dotnet</c>.
/// </summary>
public static class DotnetProgramBuilder
{
    /// <summary>
    /// Writes the program. <paramref name="entryHost"/> is the host's <c>static int Main(Type code, string[] args)</c>;
    /// the assemblies it references (transitively) that sit beside its own are copied next to OUT.
    /// </summary>
    public static void Build(IEnumerable<TopLevel> forms, string source, string file, string output, MethodInfo entryHost)
    {
        ArgumentNullException.ThrowIfNull(entryHost);
        var fullOutput = Path.GetFullPath(output);
        var directory = Path.GetDirectoryName(fullOutput)!;
        var name = Path.GetFileName(fullOutput);
        var runtime = RuntimeAssemblies(entryHost.DeclaringType!.Assembly);
        if (runtime.Any(path => string.Equals(Path.GetFileNameWithoutExtension(path), name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"the output cannot be named '{name}': the program needs a runtime assembly of that name next to it", nameof(output));
        }

        Directory.CreateDirectory(directory);
        var image = ProgramWriter.Write(name, forms, source, file, entryHost);
        File.WriteAllBytes(fullOutput + ".dll", image.Assembly);
        File.WriteAllBytes(fullOutput + ".pdb", image.Pdb);
        File.WriteAllText(fullOutput + ".runtimeconfig.json", RuntimeConfig(entryHost.DeclaringType.Assembly));
        foreach (var path in runtime)
        {
            CopyIfChanged(path, Path.Combine(directory, Path.GetFileName(path)));
        }

        File.WriteAllText(fullOutput, Launcher(name));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fullOutput, File.GetUnixFileMode(fullOutput) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>
    /// The launcher: the SDK patches a copy of the native apphost for this, with a library
    /// (Microsoft.NET.HostModel) that is not published on NuGet; a script that runs the dll with
    /// the dotnet host does the same job.
    /// </summary>
    private static string Launcher(string name) =>
        "#!/bin/sh\n"
        + "# Runs " + name + ".dll, a Zylisp program built with `zylisp build --target dotnet`.\n"
        + "case \"$0\" in */*) dir=\"${0%/*}\" ;; *) dir=. ;; esac\n"
        + "exec dotnet \"$dir/" + name + ".dll\" \"$@\"\n";

    /// <summary>The host's own runtime configuration (framework, GC settings) when it has one beside it; else the framework alone.</summary>
    private static string RuntimeConfig(Assembly host)
    {
        var beside = Path.Combine(Path.GetDirectoryName(host.Location) ?? "", host.GetName().Name + ".runtimeconfig.json");
        if (File.Exists(beside))
        {
            return File.ReadAllText(beside);
        }

        var version = Environment.Version;
        return new StringBuilder()
            .Append("{\n  \"runtimeOptions\": {\n    \"tfm\": \"net").Append(version.Major).Append('.').Append(version.Minor).Append("\",\n")
            .Append("    \"framework\": { \"name\": \"Microsoft.NETCore.App\", \"version\": \"").Append(version.Major).Append('.').Append(version.Minor).Append(".0\" }\n  }\n}\n")
            .ToString();
    }

    /// <summary>The host's assembly and every assembly it references, transitively, that is a file beside it (the framework's are not).</summary>
    private static List<string> RuntimeAssemblies(Assembly host)
    {
        var directory = Path.GetDirectoryName(host.Location) ?? AppContext.BaseDirectory;
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<AssemblyName>([host.GetName()]);
        while (pending.Count > 0)
        {
            var assemblyName = pending.Pop();
            var path = Path.Combine(directory, assemblyName.Name + ".dll");
            if (!seen.Add(assemblyName.Name!) || !File.Exists(path))
            {
                continue;
            }

            found.Add(path);
            foreach (var reference in Assembly.Load(assemblyName).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        return found;
    }

    private static void CopyIfChanged(string from, string to)
    {
        var source = new FileInfo(from);
        var target = new FileInfo(to);
        if (target.Exists && target.Length == source.Length && target.LastWriteTimeUtc >= source.LastWriteTimeUtc)
        {
            return;
        }

        File.Copy(from, to, overwrite: true);
    }
}
